package kspec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kspec.dynamics.DynamicsStudy;
import kspec.dynamics.Sizes;
import kspec.dynamics.laws.ComputeFrontier;
import kspec.dynamics.simulation.MeanEstimate;
import kspec.dynamics.theory.Losses;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures of {@code kspec dynamics}, drawn with XChart and written through {@link Plots#write}:
 * loss against time per width (theory lines, simulation points with error bars), final loss against
 * P and against D, and the compute-optimal frontier with P*(C).
 */
final class DynamicsPlots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;

    private DynamicsPlots() {
    }

    /** Test loss against time for every width: theory lines, simulation points with ±1 standard error. */
    static void lossVsTime(Path file, DynamicsStudy.Result r) {
        DynamicsStudy.Curve first = r.curves().get(0);
        XYChart chart = logLog("Test loss against " + (r.config().optimizer().discrete() ? "steps" : "time") + " (D = "
                + Sizes.format(first.sizes().data()) + ")", r.config().optimizer().discrete() ? "steps n" : "time t", "test loss");
        for (DynamicsStudy.Curve c : r.curves()) {
            String name = "P = " + Sizes.format(c.sizes().width());
            double[] test = Arrays.stream(c.losses()).mapToDouble(Losses::test).toArray();
            chart.addSeries(name + " theory", c.times(), test).setMarker(SeriesMarkers.NONE);
            if (c.simulation() != null) {
                MeanEstimate[] s = c.simulation().test();
                XYSeries points = chart.addSeries(name + " simulation", c.times(),
                        Arrays.stream(s).mapToDouble(MeanEstimate::mean).toArray(),
                        Arrays.stream(s).mapToDouble(m -> Double.isFinite(m.standardError()) ? m.standardError() : 0).toArray());
                points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                points.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        Plots.write(file, List.of(chart));
    }

    /** Final test loss against P for each D (top) and against D for each P (bottom); the P = D peak is left out. */
    static void finalLoss(Path file, DynamicsStudy.Result r) {
        double[] widths = r.config().widths();
        double[] sizes = r.config().sizes();
        XYChart byWidth = logLog("Final test loss (t -> inf) against width P", "width P", "test loss");
        for (int j = 0; j < sizes.length; j++) {
            addFinite(byWidth, "D = " + Sizes.format(sizes[j]), widths, j, sizes.length, r, true);
        }
        XYChart bySize = logLog("Final test loss (t -> inf) against data size D", "data D", "test loss");
        for (int i = 0; i < widths.length; i++) {
            addFinite(bySize, "P = " + Sizes.format(widths[i]), sizes, i, sizes.length, r, false);
        }
        Plots.write(file, List.of(byWidth, bySize));
    }

    private static void addFinite(XYChart chart, String name, double[] axis, int fixed, int columns, DynamicsStudy.Result r,
                                  boolean alongWidths) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int k = 0; k < axis.length; k++) {
            int index = alongWidths ? k * columns + fixed : fixed * columns + k;
            double loss = r.finalLosses().get(index).losses().test();
            if (Double.isFinite(loss) && loss > 0) {
                x.add(axis[k]);
                y.add(loss);
            }
        }
        if (!x.isEmpty()) {
            chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
        }
    }

    /** The optimal loss L*(C) and width P*(C) of the theory's frontier (and the simulator's, if any). */
    static void frontier(Path file, DynamicsStudy.Result r) {
        XYChart loss = logLog("Compute-optimal loss L*(C), C = P t (D = inf)", "compute C", "L*");
        XYChart width = logLog("Compute-optimal width P*(C)", "compute C", "P*");
        addFrontier(loss, width, "theory", r.frontier());
        if (r.simulatedFrontier() != null) {
            addFrontier(loss, width, "simulation", r.simulatedFrontier());
        }
        Plots.write(file, List.of(loss, width));
    }

    private static void addFrontier(XYChart loss, XYChart width, String name, ComputeFrontier f) {
        double[] c = f.points().stream().mapToDouble(ComputeFrontier.Point::budget).toArray();
        loss.addSeries(name, c, f.points().stream().mapToDouble(ComputeFrontier.Point::loss).toArray())
                .setMarker(SeriesMarkers.CIRCLE);
        width.addSeries(name, c, f.points().stream().mapToDouble(ComputeFrontier.Point::width).toArray())
                .setMarker(SeriesMarkers.CIRCLE);
    }

    private static XYChart logLog(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setLegendVisible(true);
        return chart;
    }
}
