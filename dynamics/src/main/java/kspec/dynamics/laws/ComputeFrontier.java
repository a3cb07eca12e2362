package kspec.dynamics.laws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * The compute-optimal frontier measured from a loss surface L(t, P) at D = ∞ (Bordelon, Atanasov &amp;
 * Pehlevan, arXiv 2402.01092, §5 and App. N): for each budget C = P·t, the width P* that minimises
 * L(C/P, P) over a grid of widths, refined by the vertex of the parabola through the three grid
 * points around the minimum in (log P, log L), and the optimal loss L*(C) there. The minimum is
 * found by walking down the grid from the previous budget's optimum (L(C/P, P) has one minimum in
 * P: more width trades against less time), so a budget costs a few evaluations, not the whole grid. Power laws fitted
 * to L*(C), P*(C) and t*(C) = C/P* give the measured compute exponents, to compare with
 * {@link BottleneckLaws}.
 */
public final class ComputeFrontier {

    /** A loss surface: the expected test loss after training time (or steps) t at width P. */
    @FunctionalInterface
    public interface LossSurface {
        /**
         * @param time  t = C/P (a discrete optimizer rounds it to whole steps)
         * @param width P
         */
        double loss(double time, double width);
    }

    /**
     * One budget's optimum.
     *
     * @param budget   C
     * @param width    P*
     * @param time     t* = C/P*
     * @param loss     L*
     * @param interior whether the minimum lay inside the width grid (else P* is the grid's end and
     *                 the point is left out of the fits)
     */
    public record Point(double budget, double width, double time, double loss, boolean interior) {
    }

    private final List<Point> points;

    private ComputeFrontier(List<Point> points) {
        this.points = List.copyOf(points);
    }

    /**
     * @param budgets compute budgets C, ascending. Not modified.
     * @param widths  the width grid, ascending, at least 3 values. Not modified.
     * @param surface the loss surface
     */
    public static ComputeFrontier measure(double[] budgets, double[] widths, LossSurface surface) {
        Objects.requireNonNull(surface, "surface");
        if (widths.length < 3) {
            throw new IllegalArgumentException("the frontier needs at least 3 widths to locate a minimum, got " + widths.length);
        }
        if (budgets.length < 1) {
            throw new IllegalArgumentException("no compute budgets given");
        }
        List<Point> out = new ArrayList<>();
        int start = widths.length / 2;
        for (double c : budgets) {
            // walk down the grid from the previous optimum until the minimum is bracketed
            Map<Integer, Double> loss = new HashMap<>();
            IntToDoubleFunction at = j -> loss.computeIfAbsent(j, i -> surface.loss(c / widths[i], widths[i]));
            int best = start;
            while (true) {
                if (best > 0 && at.applyAsDouble(best - 1) < at.applyAsDouble(best)) {
                    best--;
                } else if (best < widths.length - 1 && at.applyAsDouble(best + 1) < at.applyAsDouble(best)) {
                    best++;
                } else {
                    break;
                }
            }
            start = best;
            if (best == 0 || best == widths.length - 1) {
                out.add(new Point(c, widths[best], c / widths[best], at.applyAsDouble(best), false));
                continue;
            }
            double x0 = Math.log(widths[best - 1]);
            double x1 = Math.log(widths[best]);
            double x2 = Math.log(widths[best + 1]);
            double y0 = Math.log(at.applyAsDouble(best - 1));
            double y1 = Math.log(at.applyAsDouble(best));
            double y2 = Math.log(at.applyAsDouble(best + 1));
            // vertex of the parabola through the three points (divided differences)
            double d01 = (y1 - y0) / (x1 - x0);
            double d12 = (y2 - y1) / (x2 - x1);
            double curvature = (d12 - d01) / (x2 - x0);
            double xStar = 0.5 * (x0 + x1) - d01 / (2 * curvature);
            double yStar = y0 + d01 * (xStar - x0) + curvature * (xStar - x0) * (xStar - x1);
            double width = Math.exp(xStar);
            out.add(new Point(c, width, c / width, Math.exp(yStar), true));
        }
        return new ComputeFrontier(out);
    }

    /** @return the optimum per budget, in the order of the budgets */
    public List<Point> points() {
        return points;
    }

    /** @return the fit of log L* against log C over interior points: exponent() = computeLoss */
    public PowerLawSlope lossSlope() {
        return fit(Point::loss);
    }

    /** @return the fit of log P* against log C: slope() = computeWidth */
    public PowerLawSlope widthSlope() {
        return fit(Point::width);
    }

    /** @return the fit of log t* against log C: slope() = computeTime */
    public PowerLawSlope timeSlope() {
        return fit(Point::time);
    }

    private PowerLawSlope fit(ToDoubleFunction<Point> value) {
        List<Point> inside = points.stream().filter(Point::interior).toList();
        if (inside.size() < 2) {
            throw new IllegalStateException("only " + inside.size() + " budget(s) have their optimal width inside the width "
                    + "grid; widen the widths or narrow the budgets");
        }
        double[] x = inside.stream().mapToDouble(Point::budget).toArray();
        double[] y = inside.stream().mapToDouble(value).toArray();
        return PowerLawSlope.fit(x, y);
    }
}
