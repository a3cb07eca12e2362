package kspec.scaling.duality;

import java.util.List;
import kspec.manifold.dimension.IdEstimate;
import kspec.scaling.LearningCurve;
import kspec.scaling.RegimeGrid;
import kspec.spectra.SpectrumAnalysis;

/**
 * Everything one duality run found: the exponents with their intervals, the curves behind them,
 * the verdicts, and which assumptions of the duality held (Bahri et al. 2021, arXiv 2102.06701;
 * docs/regimes-and-duality.md §4–§5: linear model, isotropic GP teacher, ridgeless, pure power law, hierarchy).
 *
 * @param config             what was run
 * @param n                  points used (pool + test)
 * @param pool               training-pool size
 * @param spectrum           the kernel spectrum of the pool and its fits
 * @param alphaK             α_K
 * @param alphaD             α_D from L(D)
 * @param alphaP             α_P from L(P), or null when not measured (NTK)
 * @param predictedAlpha     min(a − 1, 2b) from the task-power spectrum
 * @param bcp                the Bordelon–Canatar–Pehlevan predicted L(D) over the same sizes, its exponent and source
 * @param dataCurve          measured L(D)
 * @param widthCurve         measured L(P), or null
 * @param intrinsicDimension the TwoNN estimate of d
 * @param fourOverD          4/d with its interval (trained-net heuristic; reported, not compared)
 * @param verdicts           one per compared pair
 * @param assumptions        each assumption and whether it held
 * @param grid               the (D, P) grid and its regimes, or null when not requested
 * @param seconds            wall time of the run
 */
public record DualityReport(DualityConfig config, int n, int pool, SpectrumAnalysis.Result spectrum,
                            Exponent alphaK, Exponent alphaD, Exponent alphaP, Exponent predictedAlpha,
                            TheoryCurve bcp, LearningCurve dataCurve, LearningCurve widthCurve,
                            IdEstimate intrinsicDimension, Exponent fourOverD, List<PairVerdict> verdicts,
                            List<Assumption> assumptions, RegimeGrid.Result grid, double seconds) {

    /**
     * @param statement the assumption, in words
     * @param held      whether it held in this run
     * @param detail    the numbers behind the answer
     */
    public record Assumption(String statement, boolean held, String detail) {
    }
}
