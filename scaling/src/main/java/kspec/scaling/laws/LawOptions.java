package kspec.scaling.laws;

import java.util.Objects;
import kspec.core.ParameterException;

/**
 * How to fit a law to runs.
 *
 * @param form      the law
 * @param objective what to minimise
 * @param dropTop   how many of the highest-loss runs to leave out (Besiroglu et al. drop 5), ≥ 0;
 *                  when &gt; 0 the fit on all runs is reported as well
 * @param bootstrap bootstrap replicates over runs (0 for none, else ≥ 2; thousands for intervals)
 * @param seed      seeds the bootstrap draws
 * @param budget    the compute C (FLOPs) at which the compute-optimal N, D and tokens per parameter
 *                  are reported
 */
public record LawOptions(LawForm form, LossObjective objective, int dropTop, int bootstrap, long seed, double budget) {

    /** The budget of Chinchilla and Gopher, 5.76·10²³ FLOPs (Hoffmann et al. 2022, arXiv 2203.15556, Table 3). */
    public static final double CHINCHILLA_BUDGET = 5.76e23;

    public LawOptions {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(objective, "objective");
        if (dropTop < 0) {
            throw new ParameterException("{LawOptions.dropTop} = " + dropTop + " must be ≥ 0", "LawOptions.dropTop");
        }
        if (bootstrap < 0 || bootstrap == 1) {
            throw new ParameterException("{LawOptions.bootstrap} = " + bootstrap + " must be 0 (none) or ≥ 2 replicates",
                    "LawOptions.bootstrap");
        }
        if (!(budget > 0) || Double.isInfinite(budget)) {
            throw new ParameterException("{LawOptions.budget} = " + budget + " FLOPs must be finite and > 0", "LawOptions.budget");
        }
    }

    /** @return Hoffmann's Approach 3 with Besiroglu et al.'s choices: Chinchilla law, summed Huber, 5 dropped, 4,000 replicates */
    public static LawOptions replication(long seed) {
        return new LawOptions(LawForm.CHINCHILLA, LossObjective.HUBER_SUM, 5, 4000, seed, CHINCHILLA_BUDGET);
    }

    /** @return a copy with {@code dropTop} = 0 */
    LawOptions keepingAll() {
        return new LawOptions(form, objective, 0, bootstrap, seed, budget);
    }
}
