package kspec.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import kspec.data.io.AtomicFiles;
import kspec.manifold.dimension.IdEstimate;
import kspec.manifold.dimension.ScaleCurve;
import kspec.scaling.LearningCurve;
import kspec.spectra.SpectrumAnalysis;
import kspec.scaling.duality.DualityReport;
import kspec.scaling.duality.Exponent;
import kspec.spectra.fit.PowerLawFit;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG figures, drawn with XChart and written atomically. */
final class Plots {

    private static final int WIDTH = 900;
    private static final int PANEL_HEIGHT = 420;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** Log–log spectrum with the fitted line over its window, and the local slope underneath. */
    static void spectrum(Path file, SpectrumAnalysis.Result r) {
        double[] eigs = r.spectrum().eigenvalues();
        int m = (int) Arrays.stream(eigs).filter(v -> v > 0).count();
        double[] ranks = IntStream.rangeClosed(1, m).asDoubleStream().toArray();
        double[] positive = Arrays.copyOf(eigs, m);

        XYChart top = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT)
                .title("Spectrum of K/n (n = " + r.spectrum().n() + ")").xAxisTitle("rank i").yAxisTitle("eigenvalue").build();
        top.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setLegendVisible(true);
        XYSeries data = top.addSeries("eigenvalues", ranks, positive);
        data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        data.setMarker(SeriesMarkers.CIRCLE);
        PowerLawFit f = r.fit();
        int lo = Math.max(1, f.window().iMin());
        int hi = Math.min(m, f.window().iMax());
        double anchor = positive[lo - 1];
        top.addSeries(String.format("fit: alphaK = %.3f [%.3f, %.3f] (%s)", f.alpha().value(), f.alpha().lo(), f.alpha().hi(),
                f.method().key()),
                new double[] {lo, hi}, new double[] {anchor, anchor * Math.pow((double) hi / lo, f.slope())})
                .setMarker(SeriesMarkers.NONE).setLineColor(Color.RED);

        double[] slope = r.localSlope();
        int ms = Math.min(slope.length, m);
        double[] sx = IntStream.range(0, ms).filter(i -> Double.isFinite(slope[i])).mapToDouble(i -> i + 1).toArray();
        double[] sy = IntStream.range(0, ms).filter(i -> Double.isFinite(slope[i])).mapToDouble(i -> slope[i]).toArray();
        XYChart bottom = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT)
                .title("Local slope d log(lambda) / d log(i)").xAxisTitle("rank i").yAxisTitle("slope").build();
        bottom.getStyler().setXAxisLogarithmic(true).setLegendVisible(true);
        if (sx.length > 0) {
            bottom.addSeries("local slope", sx, sy).setMarker(SeriesMarkers.NONE);
        }
        bottom.addSeries("fit slope -(1 + alphaK)", new double[] {lo, hi}, new double[] {f.slope(), f.slope()})
                .setMarker(SeriesMarkers.NONE).setLineColor(Color.RED);
        write(file, List.of(top, bottom));
    }

    /** L(D) and L(P) on one log–log plot with their fits, and the BCP prediction of L(D). */
    static void duality(Path file, DualityReport r) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT)
                .title("Width-data duality: test loss vs D (P = infinity) and vs P (D = " + r.pool() + ")")
                .xAxisTitle("D or P").yAxisTitle("test MSE").build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setLegendVisible(true);
        addCurve(chart, r.dataCurve(), r.alphaD(), "L(D)");
        chart.addSeries("BCP theory L(D)", Arrays.stream(r.dataCurve().sizes()).asDoubleStream().toArray(), r.bcp().loss())
                .setMarker(SeriesMarkers.NONE);
        if (r.widthCurve() != null) {
            addCurve(chart, r.widthCurve(), r.alphaP(), "L(P)");
        }
        write(file, List.of(chart));
    }

    private static void addCurve(XYChart chart, LearningCurve curve, Exponent fit, String name) {
        double[] x = Arrays.stream(curve.sizes()).asDoubleStream().toArray();
        double[] y = curve.geometricMeanLoss();
        XYSeries points = chart.addSeries(String.format(Locale.ROOT, "%s: alpha = %.3f [%.3f, %.3f]", name,
                fit.estimate().value(), fit.estimate().lo(), fit.estimate().hi()), x, y);
        points.setMarker(SeriesMarkers.CIRCLE);
        // the fitted line through the geometric mean of the points, slope −alpha
        double meanLogX = Arrays.stream(x).map(Math::log).average().orElse(0);
        double meanLogY = Arrays.stream(y).map(Math::log).average().orElse(0);
        double alpha = fit.estimate().value();
        double[] line = Arrays.stream(x).map(v -> Math.exp(meanLogY - alpha * (Math.log(v) - meanLogX))).toArray();
        chart.addSeries(name + " fit", x, line).setMarker(SeriesMarkers.NONE);
    }

    /** Intrinsic dimension against the scale each estimate probes, one series per curve, with 95% bands. */
    static void scaleCurves(Path file, List<ScaleCurve> curves) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT).title("Intrinsic dimension vs scale")
                .xAxisTitle("scale (typical neighbour distance)").yAxisTitle("dimension").build();
        chart.getStyler().setXAxisLogarithmic(true).setLegendVisible(true);
        for (ScaleCurve c : curves) {
            double[] x = c.estimates().stream().mapToDouble(IdEstimate::scale).toArray();
            double[] y = c.estimates().stream().mapToDouble(e -> e.dimension().value()).toArray();
            double[] err = c.estimates().stream().mapToDouble(e -> e.dimension().halfWidth()).toArray();
            chart.addSeries(c.method().key(), x, y, err).setMarker(SeriesMarkers.CIRCLE);
        }
        write(file, List.of(chart));
    }

    /** Stacks the charts vertically into one PNG. */
    static void write(Path file, List<XYChart> charts) {
        BufferedImage image = new BufferedImage(WIDTH, PANEL_HEIGHT * charts.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int i = 0; i < charts.size(); i++) {
            Graphics2D panel = (Graphics2D) g.create(0, i * PANEL_HEIGHT, WIDTH, PANEL_HEIGHT);
            charts.get(i).paint(panel, WIDTH, PANEL_HEIGHT);
            panel.dispose();
        }
        g.dispose();
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }
}
