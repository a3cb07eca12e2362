package kspec.scaling.laws;

import org.apache.commons.math3.special.Erf;

/**
 * What a law fit minimises over the log-loss residuals r<sub>i</sub> = log L̂<sub>i</sub> − log L<sub>i</sub>,
 * with Huber's function \( \rho_\delta(r) = r^2/2 \) for |r| ≤ δ and δ(|r| − δ/2) otherwise
 * (Huber 1964, Ann. Math. Statist. 35:73), whose derivative is ψ<sub>δ</sub>(r) = clamp(r, −δ, δ).
 */
public enum LossObjective {

    /**
     * Hoffmann et al.'s Approach 3 (arXiv 2203.15556, App. D.2): \( \sum_i \rho_\delta(r_i) \) with
     * δ = 10<sup>−3</sup>, a sum over runs (not a mean: Besiroglu et al. 2024, arXiv 2404.10102, §3, trace
     * the published estimates to an optimiser that stopped early on the mean).
     */
    HUBER_SUM("huber-sum"),

    /**
     * Besiroglu et al.'s estimator (arXiv 2404.10102, §3; their repository's analysis notebook): the
     * negative log-likelihood of residuals that are independent draws of σ·Z with Z of density
     * exp(−ρ<sub>δ</sub>(z))/K(δ), the scale σ fitted with the law:
     * \( \sum_i \rho_\delta(r_i/\sigma) + n\log\sigma + n\log K(\delta) \),
     * \( K(\delta) = \sqrt{2\pi}\,\mathrm{erf}(\delta/\sqrt2) + 2e^{-\delta^2/2}/\delta \), δ = 10<sup>−3</sup>.
     * σ is fitted as s = log σ, one parameter after the law's. With δ this small the fit is close to
     * least absolute deviations on log-loss.
     */
    HUBER_LIKELIHOOD("huber-likelihood");

    /** Hoffmann et al.'s δ. */
    public static final double DELTA = 1e-3;

    private final String key;

    LossObjective(String key) {
        this.key = key;
    }

    /** @return the name used in reports, e.g. {@code huber-sum} */
    public String key() {
        return key;
    }

    /** @return whether a scale parameter log σ follows the law's parameters */
    public boolean fitsScale() {
        return this == HUBER_LIKELIHOOD;
    }

    /** @return the objective named {@code key} ({@code huber-sum} or {@code huber-likelihood}) */
    public static LossObjective of(String key) {
        for (LossObjective o : values()) {
            if (o.key.equals(key)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown objective '" + key + "': use huber-sum or huber-likelihood");
    }

    /** @return ρ<sub>δ</sub>(r) */
    static double rho(double r) {
        double a = Math.abs(r);
        return a <= DELTA ? 0.5 * r * r : DELTA * (a - 0.5 * DELTA);
    }

    /** @return ψ<sub>δ</sub>(r) = ρ′<sub>δ</sub>(r) */
    static double psi(double r) {
        return Math.max(-DELTA, Math.min(DELTA, r));
    }

    /** @return log K(δ), the log normalising constant of the Huber density */
    static double logNormaliser() {
        return Math.log(Math.sqrt(2 * Math.PI) * Erf.erf(DELTA / Math.sqrt(2)) + 2 * Math.exp(-0.5 * DELTA * DELTA) / DELTA);
    }
}
