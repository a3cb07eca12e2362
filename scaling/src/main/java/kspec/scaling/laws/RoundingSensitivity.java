package kspec.scaling.laws;

/**
 * What rounding the exponents to two decimals does to the compute-optimal tokens per parameter:
 * D<sub>opt</sub>/N<sub>opt</sub> at the budget with α, β as fitted and with α, β rounded (A, B, E kept).
 * Besiroglu et al. (2024, arXiv 2404.10102, §4) show that such rounding of Hoffmann et al.'s
 * published exponents moves the ratio by tens of percent; the exponent enters G and the powers of C.
 *
 * @param alphaRounded   α to two decimals
 * @param betaRounded    β to two decimals
 * @param ratio          D/N with the fitted exponents
 * @param roundedRatio   D/N with the rounded ones
 * @param relativeChange roundedRatio/ratio − 1
 */
public record RoundingSensitivity(double alphaRounded, double betaRounded, double ratio, double roundedRatio,
        double relativeChange) {

    /** @param reported the Chinchilla fit's reported parameters (A, B, E, α, β) */
    static RoundingSensitivity of(double[] reported, double budget) {
        double[] rounded = reported.clone();
        rounded[ChinchillaLaw.ALPHA] = Math.round(reported[ChinchillaLaw.ALPHA] * 100) / 100.0;
        rounded[ChinchillaLaw.BETA] = Math.round(reported[ChinchillaLaw.BETA] * 100) / 100.0;
        double ratio = ComputeOptimal.ofReported(reported, budget).tokensPerParam();
        double roundedRatio = ComputeOptimal.ofReported(rounded, budget).tokensPerParam();
        return new RoundingSensitivity(rounded[ChinchillaLaw.ALPHA], rounded[ChinchillaLaw.BETA], ratio, roundedRatio,
                roundedRatio / ratio - 1);
    }
}
