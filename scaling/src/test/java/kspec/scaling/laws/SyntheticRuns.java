package kspec.scaling.laws;

import java.util.Random;
import kspec.data.runs.RunRole;
import kspec.data.runs.RunTable;

/** Run tables drawn from a known Chinchilla law, for tests. */
final class SyntheticRuns {

    /** The law the tables follow: E, A, B, α, β near Besiroglu et al.'s fit. */
    static final double E = 1.8;
    static final double A = 480;
    static final double B = 2100;
    static final double ALPHA = 0.35;
    static final double BETA = 0.37;

    private SyntheticRuns() {
    }

    /** @return L = E + A/N^α + B/D^β */
    static double loss(double n, double d) {
        return E + A / Math.pow(n, ALPHA) + B / Math.pow(d, BETA);
    }

    /**
     * Every pair of {@code sizes} model sizes log-spaced over [10⁷, 10¹⁰] and {@code tokenCounts} token
     * counts over [10⁹, 10¹²], each loss multiplied by exp(ε), ε ~ N(0, noise²).
     */
    static RunTable grid(int sizes, int tokenCounts, double noise, long seed) {
        Random random = new Random(seed);
        int runs = sizes * tokenCounts;
        double[] n = new double[runs];
        double[] d = new double[runs];
        double[] l = new double[runs];
        int r = 0;
        for (int i = 0; i < sizes; i++) {
            for (int j = 0; j < tokenCounts; j++) {
                n[r] = 1e7 * Math.pow(1e3, i / (sizes - 1.0));
                d[r] = 1e9 * Math.pow(1e3, j / (tokenCounts - 1.0));
                l[r] = loss(n[r], d[r]) * Math.exp(noise * random.nextGaussian());
                r++;
            }
        }
        return RunTable.builder("synthetic(seed " + seed + ")", runs).column(RunRole.PARAMS, "params", n)
                .column(RunRole.TOKENS, "tokens", d).column(RunRole.LOSS, "loss", l).build();
    }
}
