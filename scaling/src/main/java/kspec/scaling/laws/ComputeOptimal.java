package kspec.scaling.laws;

import java.util.List;

/**
 * The compute-optimal allocation implied by a fitted Chinchilla law
 * \( L = E + A/N^\alpha + B/D^\beta \) under C = 6ND (Hoffmann et al. 2022, arXiv 2203.15556,
 * App. D.2, eq. 4): minimising L at fixed C gives
 * \( N_{opt}(C) = G\,(C/6)^{a} \), \( D_{opt}(C) = G^{-1}(C/6)^{b} \) with
 * \( a = \beta/(\alpha+\beta) \), \( b = \alpha/(\alpha+\beta) \),
 * \( G = (\alpha A/(\beta B))^{1/(\alpha+\beta)} \). Along that frontier both reducible terms fall as
 * \( C^{-\alpha\beta/(\alpha+\beta)} \), the frontier's loss exponent.
 *
 * @param a              exponent of N_opt in C
 * @param b              exponent of D_opt in C
 * @param g              the constant G
 * @param nOpt           N_opt at the budget
 * @param dOpt           D_opt at the budget
 * @param tokensPerParam D_opt/N_opt at the budget
 * @param lossExponent   αβ/(α+β)
 * @param lossAtBudget   E + A/N_opt^α + B/D_opt^β at the budget
 */
public record ComputeOptimal(double a, double b, double g, double nOpt, double dOpt, double tokensPerParam,
        double lossExponent, double lossAtBudget) {

    /** The names of the quantities, in the order of {@link #values()}. */
    public static final List<String> NAMES = List.of("a", "b", "G", "N_opt", "D_opt", "tokensPerParam",
            "lossExponent", "lossAtBudget");

    /**
     * @param e      E
     * @param aCoef  A
     * @param bCoef  B
     * @param alpha  α
     * @param beta   β
     * @param budget C in FLOPs
     */
    public static ComputeOptimal of(double e, double aCoef, double bCoef, double alpha, double beta, double budget) {
        double sum = alpha + beta;
        double a = beta / sum;
        double b = alpha / sum;
        double g = Math.pow(alpha * aCoef / (beta * bCoef), 1 / sum);
        double n = g * Math.pow(budget / 6, a);
        double d = Math.pow(budget / 6, b) / g;
        double loss = e + aCoef * Math.pow(n, -alpha) + bCoef * Math.pow(d, -beta);
        return new ComputeOptimal(a, b, g, n, d, d / n, alpha * beta / sum, loss);
    }

    /** @param reported the Chinchilla fit's reported parameters (A, B, E, α, β) */
    static ComputeOptimal ofReported(double[] reported, double budget) {
        return of(reported[2], reported[0], reported[1], reported[ChinchillaLaw.ALPHA], reported[ChinchillaLaw.BETA],
                budget);
    }

    /** @return the quantities in the order of {@link #NAMES} */
    public double[] values() {
        return new double[] {a, b, g, nOpt, dOpt, tokensPerParam, lossExponent, lossAtBudget};
    }
}
