package kspec.scaling;

/**
 * One learning curve and its exponent ({@link Scaling#curve}).
 *
 * @param config what was measured
 * @param split  the seeded training pool and test set
 * @param curve  the test loss per size and seed
 * @param fit    the exponent over all sizes, with its bootstrap interval over seeds and bend verdict
 */
public record CurveReport(CurveConfig config, PoolSplit split, LearningCurve curve, ScalingExponent fit) {
}
