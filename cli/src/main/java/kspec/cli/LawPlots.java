package kspec.cli;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import kspec.core.stats.Estimate;
import kspec.data.runs.RunRole;
import kspec.data.runs.RunTable;
import kspec.scaling.laws.AllocationFit;
import kspec.scaling.laws.LawReport;
import kspec.scaling.laws.LossLaw;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The figures of {@code kspec laws}, drawn with XChart and written through {@link Plots#write}. */
final class LawPlots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    private static final int LEVELS = 8;
    private static final int LOSS_BINS = 6;
    private static final int CURVE_POINTS = 200;

    private LawPlots() {
    }

    /**
     * The surface: isoloss contours of the fitted law over (C, N) with C = 6ND, the runs coloured by
     * loss, and (Chinchilla law) the efficient frontier N_opt(C); the residuals: the log-loss
     * residuals against each input of the law.
     *
     * @param surface   where to write the surface (a law in N and D only), or null
     * @param residualPlot where to write the residuals
     */
    static void lawFigures(Path surface, Path residualPlot, LawReport r) {
        RunTable runs = r.runs();
        LossLaw law = r.fit().law();
        double[] loss = runs.values(RunRole.LOSS, "the plots");
        if (surface != null && law.inputs().equals(List.of(RunRole.PARAMS, RunRole.TOKENS))) {
            Plots.write(surface, List.of(surface(r, runs, law, loss)));
        }
        List<XYChart> panels = new ArrayList<>();
        double[] residuals = r.residuals();
        for (RunRole input : law.inputs()) {
            XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                    .title("Residuals log(fitted) - log(loss) of " + law.formula())
                    .xAxisTitle(input.description()).yAxisTitle("log residual").build();
            chart.getStyler().setXAxisLogarithmic(true).setLegendVisible(false);
            XYSeries s = chart.addSeries("residuals", runs.values(input, "the plots"), residuals);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            panels.add(chart);
        }
        Plots.write(residualPlot, panels);
    }

    private static XYChart surface(LawReport r, RunTable runs, LossLaw law, double[] loss) {
        double[] n = runs.values(RunRole.PARAMS, "the plots");
        double[] c = runs.values(RunRole.FLOPS, "the plots");
        double[] theta = r.fit().parameters();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Isoloss contours of " + law.formula() + " (C = 6ND)").xAxisTitle("training FLOPs C")
                .yAxisTitle("parameters N").build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setLegendVisible(true);
        double cLo = Arrays.stream(c).min().orElseThrow() / 3;
        double cHi = Arrays.stream(c).max().orElseThrow() * 3;
        double nLo = Arrays.stream(n).min().orElseThrow() / 2;
        double nHi = Arrays.stream(n).max().orElseThrow() * 2;
        double[] sorted = loss.clone();
        Arrays.sort(sorted);
        for (int k = 1; k <= LEVELS; k++) {
            double level = sorted[(int) ((sorted.length - 1) * k / (LEVELS + 1.0))];
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int j = 0; j < CURVE_POINTS; j++) {
                double size = nLo * Math.pow(nHi / nLo, j / (CURVE_POINTS - 1.0));
                double tokens = tokensAt(law, theta, size, level);
                double compute = 6 * size * tokens;
                if (Double.isFinite(tokens) && compute >= cLo && compute <= cHi) {
                    xs.add(compute);
                    ys.add(size);
                }
            }
            if (xs.size() >= 2) {
                chart.addSeries(String.format(Locale.ROOT, "L = %.3f", level), xs, ys).setMarker(SeriesMarkers.NONE)
                        .setLineColor(Color.GRAY);
            }
        }
        double lo = sorted[0];
        double hi = sorted[sorted.length - 1];
        for (int b = 0; b < LOSS_BINS; b++) {
            double from = lo + (hi - lo) * b / LOSS_BINS;
            double to = lo + (hi - lo) * (b + 1) / LOSS_BINS;
            boolean last = b == LOSS_BINS - 1;
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < loss.length; i++) {
                if (loss[i] >= from && (loss[i] < to || last)) {
                    xs.add(c[i]);
                    ys.add(n[i]);
                }
            }
            if (!xs.isEmpty()) {
                float t = b / (float) (LOSS_BINS - 1);
                XYSeries s = chart.addSeries(String.format(Locale.ROOT, "runs, loss %.3f-%.3f", from, to), xs, ys);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(new Color(t, 0.2f, 1 - t));
            }
        }
        Estimate g = r.frontier().get("G");
        Estimate a = r.frontier().get("a");
        if (g != null && a != null) {
            double[] xs = {cLo, cHi};
            double[] ys = {g.value() * Math.pow(cLo / 6, a.value()), g.value() * Math.pow(cHi / 6, a.value())};
            chart.addSeries(String.format(Locale.ROOT, "efficient frontier N_opt = G (C/6)^%.3f", a.value()), xs, ys)
                    .setMarker(SeriesMarkers.NONE).setLineColor(Color.BLACK);
        }
        return chart;
    }

    /**
     * @return the tokens D at which the law predicts {@code level} for model size N, by bisection on
     *     log D (the law's loss falls with D), or NaN if the level is out of reach at this N
     */
    private static double tokensAt(LossLaw law, double[] theta, double size, double level) {
        double target = Math.log(level);
        double[] g = new double[theta.length];
        double lo = Math.log(1e3);
        double hi = Math.log(1e20);
        if (law.logLoss(theta, new double[] {Math.log(size), lo}, g) < target
                || law.logLoss(theta, new double[] {Math.log(size), hi}, g) > target) {
            return Double.NaN;
        }
        for (int it = 0; it < 100; it++) {
            double mid = 0.5 * (lo + hi);
            if (law.logLoss(theta, new double[] {Math.log(size), mid}, g) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(0.5 * (lo + hi));
    }

    /** The (C, N_opt) points of Approach 1 or 2 and the fitted line, written to {@code file}. */
    static void allocationFigure(Path file, AllocationFit f) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Approach " + f.approach() + ": compute-optimal model size").xAxisTitle("training FLOPs C")
                .yAxisTitle("N_opt").build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setLegendVisible(true);
        XYSeries points = chart.addSeries("N_opt", f.compute(), f.optimalParams());
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        double lo = Arrays.stream(f.compute()).min().orElseThrow();
        double hi = Math.max(Arrays.stream(f.compute()).max().orElseThrow(), f.budget());
        double[] xs = {lo, hi};
        double[] ys = {f.nOpt().value() * Math.pow(lo / f.budget(), f.a().value()),
                f.nOpt().value() * Math.pow(hi / f.budget(), f.a().value())};
        chart.addSeries(String.format(Locale.ROOT, "N_opt ~ C^%.3f", f.a().value()), xs, ys).setMarker(SeriesMarkers.NONE);
        Plots.write(file, List.of(chart));
    }
}
