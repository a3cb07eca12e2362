/**
 * Scaling laws of training runs: Hoffmann et al.'s Approach 3 (the Chinchilla law L = E + A/N^α +
 * B/D^β, summed Huber on log-loss, L-BFGS from 4,500 starts), Kaplan et al.'s laws, Approaches 1 and
 * 2, a bootstrap over runs, the compute-optimal allocation and the comparison with the exponents the
 * spectral theory predicts.
 *
 * <p>Start from {@link kspec.scaling.laws.ScalingLaws#fit} with {@link kspec.scaling.laws.LawOptions}
 * ({@link kspec.scaling.laws.LawOptions#replication} for Besiroglu et al.'s choices); it returns a
 * {@link kspec.scaling.laws.LawReport}. {@link kspec.scaling.laws.ScalingLaws#isoFlop} and
 * {@link kspec.scaling.laws.ScalingLaws#envelope} estimate the allocation without a law;
 * {@link kspec.scaling.laws.TheoryComparison} holds it against a prediction. Background:
 * docs/training-run-laws.md.
 */
package kspec.scaling.laws;
