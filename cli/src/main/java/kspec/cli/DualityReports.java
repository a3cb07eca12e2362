package kspec.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kspec.data.Dataset;
import kspec.manifold.dimension.IdEstimate;
import kspec.scaling.Axis;
import kspec.scaling.LearningCurve;
import kspec.scaling.RegimeGrid;
import kspec.scaling.duality.DualityReport;
import kspec.scaling.duality.Exponent;
import kspec.scaling.duality.PairVerdict;
import kspec.scaling.duality.TheoryCurve;

/** Renders a {@link DualityReport} as the console table, JSON and Markdown. */
final class DualityReports {

    private DualityReports() {
    }

    static String table(DualityReport r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%n%d points: %d training pool, %d test; %d seeds; %.1f s%n%n", r.n(), r.pool(),
                r.n() - r.pool(), r.config().seeds(), r.seconds()));
        b.append(String.format(Locale.ROOT, "%-15s %8s  %-18s  %-14s%n", "exponent", "value", "95% interval", "window"));
        for (Exponent e : exponents(r)) {
            b.append(DualityCommand.row(e));
        }
        b.append(String.format(Locale.ROOT, "%-15s %8.4f  (BCP theory curve over the same D)%n", "bcpExponent", r.bcp().exponent()));
        IdEstimate d = r.intrinsicDimension();
        b.append(String.format(Locale.ROOT, "%-15s %8.3f  [%7.3f, %7.3f]  TwoNN; 4/d is a trained-net heuristic, not compared%n",
                "dimension d", d.dimension().value(), d.dimension().lo(), d.dimension().hi()));
        b.append(String.format(Locale.ROOT, "%nverdicts (consistent = 95%% interval of the difference contains 0)%n"));
        for (PairVerdict v : r.verdicts()) {
            b.append(DualityCommand.row(v));
        }
        b.append(String.format(Locale.ROOT, "%nBCP predicted vs measured L(D) (mean over seeds)%n  theory spectrum: %s%n",
                r.bcp().source()));
        double[] measured = r.dataCurve().meanLoss();
        double[] predicted = r.bcp().loss();
        int[] sizes = r.dataCurve().sizes();
        for (int i = 0; i < sizes.length; i++) {
            b.append(String.format(Locale.ROOT, "  D=%-6d measured %.4e  predicted %.4e  ratio %.3f%n", sizes[i], measured[i],
                    predicted[i], measured[i] / predicted[i]));
        }
        if (!r.bcp().trend().isEmpty()) {
            b.append("  predicted exponent as D grows:");
            for (TheoryCurve.WindowExponent w : r.bcp().trend()) {
                b.append(String.format(Locale.ROOT, "  D=%d..%d %.4f", w.from(), w.to(), w.exponent()));
            }
            b.append(String.format(Locale.ROOT, "%n  population spectrum's own exponent far out (the limit): %.4f%n", r.bcp().farAlpha()));
        }
        if (r.grid() != null) {
            b.append(gridTable(r.grid()));
        }
        b.append(String.format(Locale.ROOT, "%nassumptions%n"));
        for (DualityReport.Assumption a : r.assumptions()) {
            b.append(String.format(Locale.ROOT, "  [%s] %s: %s%n", a.held() ? "held" : "NOT held", a.statement(), a.detail()));
        }
        return b.toString();
    }

    /** The regime map (V = variance-limited in D, W = variance-limited in P, x = crossover) with losses. */
    static String gridTable(RegimeGrid.Result g) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "%n(D, P) grid, test loss [regime: D = variance-limited in D (D >= 4P), P = in P (P >= 4D), x = crossover]%n%8s", "D \\ P"));
        for (int p : g.widths()) {
            b.append(String.format(Locale.ROOT, "%13d", p));
        }
        b.append('\n');
        for (int i = 0; i < g.dataSizes().length; i++) {
            b.append(String.format(Locale.ROOT, "%8d", g.dataSizes()[i]));
            for (int j = 0; j < g.widths().length; j++) {
                String mark = switch (g.regimes()[i][j]) {
                    case VARIANCE_LIMITED_DATA -> "D";
                    case VARIANCE_LIMITED_WIDTH -> "P";
                    case CROSSOVER -> "x";
                };
                b.append(String.format(Locale.ROOT, "  %9.3e %s", g.loss()[i][j], mark));
            }
            b.append('\n');
        }
        for (RegimeGrid.SliceFit f : RegimeGrid.varianceLimitedFits(g)) {
            String axis = f.axis().symbol();
            String other = (f.axis() == Axis.DATA ? Axis.WIDTH : Axis.DATA).symbol();
            b.append(String.format(Locale.ROOT, "variance-limited in %s at %s = %d: L - L_inf ~ %s^-%.3f (L_inf = %.4e); theory: 1%n",
                    axis, other, f.fixed(), axis, f.fit().beta().value(), f.fit().lInfinity()));
        }
        if (!g.solverNotes().isEmpty()) {
            b.append(String.format(Locale.ROOT, "%d grid solves were singular and used the pseudo-inverse (near D = P), e.g. %s%n",
                    g.solverNotes().size(), g.solverNotes().get(0)));
        }
        return b.toString();
    }

    private static List<Exponent> exponents(DualityReport r) {
        List<Exponent> list = new ArrayList<>(List.of(r.alphaK(), r.alphaD()));
        if (r.alphaP() != null) {
            list.add(r.alphaP());
        }
        list.add(r.predictedAlpha());
        list.add(r.fourOverD());
        return list;
    }

    static Map<String, Object> json(DualityReport r, Dataset data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data.provenance());
        m.put("architecture", r.config().architecture().toString());
        m.put("kind", r.config().kind().name().toLowerCase(Locale.ROOT));
        m.put("target", r.config().target().key());
        m.put("n", r.n());
        m.put("pool", r.pool());
        m.put("alphaK", exponentJson(r.alphaK()));
        m.put("alphaD", exponentJson(r.alphaD()));
        m.put("alphaP", r.alphaP() == null ? null : exponentJson(r.alphaP()));
        m.put("taskExponent", r.spectrum().taskExponent());
        m.put("predictedAlpha", exponentJson(r.predictedAlpha()));
        m.put("bcpExponent", r.bcp().exponent());
        IdEstimate d = r.intrinsicDimension();
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("value", d.dimension().value());
        id.put("ci95", d.dimension().ci95());
        id.put("method", d.method().key());
        m.put("intrinsicDimension", id);
        m.put("fourOverD", exponentJson(r.fourOverD()));
        List<Map<String, Object>> verdicts = new ArrayList<>();
        for (PairVerdict v : r.verdicts()) {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("pair", v.pair());
            vm.put("consistent", v.consistent());
            vm.put("verdict", v.verdict().key());
            vm.put("difference", v.difference().value());
            vm.put("ci95", v.difference().ci95());
            vm.put("reason", v.reason());
            verdicts.add(vm);
        }
        m.put("verdicts", verdicts);
        m.put("assumptions", r.assumptions());
        m.put("dataCurve", curveJson(r.dataCurve()));
        Map<String, Object> bcp = new LinkedHashMap<>();
        bcp.put("loss", r.bcp().loss());
        bcp.put("exponent", r.bcp().exponent());
        bcp.put("source", r.bcp().source());
        bcp.put("trend", r.bcp().trend());
        bcp.put("farAlpha", Double.isNaN(r.bcp().farAlpha()) ? null : r.bcp().farAlpha());
        m.put("bcp", bcp);
        m.put("widthCurve", r.widthCurve() == null ? null : curveJson(r.widthCurve()));
        if (r.grid() != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("dataSizes", r.grid().dataSizes());
            g.put("widths", r.grid().widths());
            g.put("loss", r.grid().loss());
            g.put("regimes", r.grid().regimes());
            g.put("solverNotes", r.grid().solverNotes());
            g.put("varianceLimitedFits", RegimeGrid.varianceLimitedFits(r.grid()).stream().map(DualityReports::sliceFitJson).toList());
            m.put("grid", g);
        }
        m.put("seconds", r.seconds());
        return m;
    }

    private static Map<String, Object> exponentJson(Exponent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", e.estimate().value());
        m.put("ci95", e.estimate().ci95());
        m.put("window", e.window());
        m.put("powerLaw", e.powerLaw());
        m.put("reason", e.reason());
        return m;
    }

    /** A variance-limited slice fit with the keys of the former records: axis D or P, fixed, fit {lInfinity, beta, stderr}. */
    private static Map<String, Object> sliceFitJson(RegimeGrid.SliceFit f) {
        Map<String, Object> fit = new LinkedHashMap<>();
        fit.put("lInfinity", f.fit().lInfinity());
        fit.put("beta", f.fit().beta().value());
        fit.put("stderr", f.fit().beta().standardError());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("axis", f.axis().symbol());
        m.put("fixed", f.fixed());
        m.put("fit", fit);
        return m;
    }

    private static Map<String, Object> curveJson(LearningCurve c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("axis", c.axis().key());
        m.put("sizes", c.sizes());
        m.put("geometricMeanLoss", c.geometricMeanLoss());
        m.put("meanLoss", c.meanLoss());
        m.put("lossPerSeed", c.losses());
        m.put("solverNotes", c.solvers());
        return m;
    }

    static String markdown(DualityReport r, Dataset data) {
        StringBuilder b = new StringBuilder();
        b.append("# kspec duality report\n\n");
        b.append("- data: `").append(data.provenance().source()).append("` (").append(r.n()).append(" points; steps: ")
                .append(String.join("; ", data.provenance().steps())).append(")\n");
        b.append("- student: ").append(r.config().kind()).append(" of `").append(r.config().architecture()).append("`\n");
        b.append("- target: ").append(r.config().target().key()).append("; ridge ").append(r.config().ridge())
                .append("; seeds ").append(r.config().seeds()).append("\n\n");
        b.append("| exponent | value | 95% interval | window | clean power law |\n|---|---|---|---|---|\n");
        for (Exponent e : exponents(r)) {
            b.append(String.format(Locale.ROOT, "| %s | %.4f | [%.4f, %.4f] | %s | %s |%n", e.name(), e.estimate().value(),
                    e.estimate().lo(), e.estimate().hi(), e.window(), e.powerLaw() ? "yes" : "no: " + e.reason()));
        }
        b.append("\n| pair | verdict | difference | 95% interval |\n|---|---|---|---|\n");
        for (PairVerdict v : r.verdicts()) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %+.4f | [%+.4f, %+.4f] |%n", v.pair(), v.verdict().key(),
                    v.difference().value(), v.difference().lo(), v.difference().hi()));
        }
        b.append("\n## Assumptions\n\n");
        for (DualityReport.Assumption a : r.assumptions()) {
            b.append("- ").append(a.held() ? "held" : "**not held**").append(": ").append(a.statement()).append(" — ")
                    .append(a.detail()).append('\n');
        }
        return b.toString();
    }
}
