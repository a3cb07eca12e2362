package kspec.spectra;

import kspec.core.ParameterException;
import kspec.core.linalg.Submatrix;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntFunction;
import kspec.spectra.eigen.EigenRequest;
import kspec.spectra.eigen.Eigensolvers;
import kspec.spectra.eigen.Spectrum;
import kspec.spectra.eigen.SymmetricOperator;
import kspec.spectra.fit.ClausetMle;
import kspec.spectra.fit.FitWindow;
import kspec.spectra.fit.LogLogFits;
import kspec.spectra.fit.PowerLawFit;
import kspec.core.stats.Resampling;
import kspec.spectra.fit.SpectrumBootstrap;
import kspec.spectra.fit.Staircase;
import kspec.spectra.fit.TargetSpectrum;
import kspec.spectra.theory.LearningCurveTheory;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The spectral half of the duality question for one kernel matrix: its spectrum (of K/n), the decay
 * exponent α_K by two independent estimators (log–log least squares with 1/i weights over an
 * automatic or explicit window, and the Clauset MLE), the plateau-aware fit when the spectrum is a
 * staircase, a bootstrap interval over data points, and — given targets — the task-power exponent a
 * and the Bordelon–Canatar–Pehlevan prediction α_D = min(a − 1, 2b), b = 1 + α_K
 * (arXiv 2002.02561; docs/learning-curves.md §2).
 *
 * <p>The bootstrap resamples data rows with replacement; the kernel of the resampled points is the
 * principal submatrix K[S, S] of the full kernel, so no kernel is rebuilt.
 */
public final class SpectrumAnalysis {

    private SpectrumAnalysis() {
    }

    /**
     * @param topK          0 for the full spectrum, else the number of leading eigenvalues
     * @param window        the fit window (automatic or explicit ranks)
     * @param bootstrap     number of bootstrap replicates over data points (0 = regression interval only)
     * @param seed          seed of the bootstrap draws
     */
    public record Options(int topK, FitWindow window, int bootstrap, long seed) {

        public Options {
            Objects.requireNonNull(window, "window");
            if (topK < 0) {
                throw new ParameterException("{SpectrumAnalysis.Options.topK} must be >= 0 (0 = all), got " + topK,
                        "SpectrumAnalysis.Options.topK");
            }
            if (bootstrap != 0 && bootstrap < 20) {
                throw new ParameterException("{SpectrumAnalysis.Options.bootstrap} needs at least 20 replicates for a 95% "
                        + "interval (or 0 for none), got " + bootstrap, "SpectrumAnalysis.Options.bootstrap");
            }
        }

        /** Full spectrum, automatic window, no bootstrap. */
        public static Options defaults() {
            return new Options(0, FitWindow.auto(), 0, 0);
        }
    }

    /**
     * @param spectrum       eigenvalues of K/n, descending (with eigenvectors when targets were given)
     * @param fit            the primary α_K fit: the plateau fit for a staircase spectrum, else least squares
     * @param leastSquares   the least-squares fit (1/i weights)
     * @param mleFit         the Clauset MLE fit
     * @param staircase      the plateau structure found
     * @param fitsAgree      whether the primary and MLE 95% intervals overlap
     * @param localSlope     d log λ / d log i per rank (smoothed), for plotting
     * @param target         the target spectrum, or null without targets
     * @param taskExponent   a, or NaN without targets
     * @param predictedAlpha min(a − 1, 2b), or NaN without targets or when a ≤ 1 (task power not summable)
     */
    public record Result(Spectrum spectrum, PowerLawFit fit, PowerLawFit leastSquares, PowerLawFit mleFit,
                         Staircase staircase, boolean fitsAgree, double[] localSlope, TargetSpectrum target,
                         double taskExponent, double predictedAlpha) {
    }

    /**
     * @param gram    the n × n kernel. Not modified.
     * @param targets n × t targets for the task-power spectrum, or null
     */
    public static Result analyse(DMatrixRMaj gram, DMatrixRMaj targets, Options options) {
        Spectrum spectrum = Eigensolvers.symmetric(gram, request(options, targets));
        return fit(spectrum, gram.numRows, targets, options, r -> resampledSpectrum(gram, options, r));
    }

    /**
     * The same analysis on the top-K spectrum of a matrix-free operator ({@link Eigensolvers#topK});
     * no bootstrap, which rebuilds the kernel of resampled rows and so needs it stored.
     *
     * @param op      the n × n kernel as an operator
     * @param targets n × t targets for the task-power spectrum, or null
     * @throws ParameterException without a top K, or with a bootstrap
     */
    public static Result analyse(SymmetricOperator op, DMatrixRMaj targets, Options options) {
        if (options.topK() < 1) {
            throw new ParameterException("a matrix-free spectrum finds only the largest eigenvalues: give their number K "
                    + "as {SpectrumAnalysis.Options.topK}", "SpectrumAnalysis.Options.topK");
        }
        if (options.bootstrap() > 0) {
            throw new ParameterException("the bootstrap rebuilds the kernel of resampled points and needs it stored: "
                    + "on the matrix-free path drop {SpectrumAnalysis.Options.bootstrap}, or subsample the points",
                    "SpectrumAnalysis.Options.bootstrap");
        }
        return fit(Eigensolvers.topK(op, request(options, targets)), op.size(), targets, options, null);
    }

    private static EigenRequest request(Options options, DMatrixRMaj targets) {
        EigenRequest request = options.topK() == 0 ? EigenRequest.all() : EigenRequest.top(options.topK());
        return targets != null ? request.withVectors() : request;
    }

    /**
     * The fits of a spectrum of an n-point kernel.
     *
     * @param resample the spectrum of bootstrap replicate r, used when options ask for a bootstrap
     */
    private static Result fit(Spectrum spectrum, int n, DMatrixRMaj targets, Options options, IntFunction<double[]> resample) {
        double[] eigs = positivePart(spectrum.eigenvalues());
        FitWindow window = options.window().isAuto() ? FitWindow.auto(n) : options.window();

        PowerLawFit leastSquares = LogLogFits.leastSquares(eigs, window, true);
        Staircase staircase = Staircase.detect(eigs);
        PowerLawFit primary = staircase.isStaircase()
                ? LogLogFits.plateau(eigs, staircase, window)
                : leastSquares;
        if (options.bootstrap() > 0) {
            boolean plateau = staircase.isStaircase();
            primary = SpectrumBootstrap.overPoints(primary,
                    e -> plateau ? LogLogFits.plateau(e, Staircase.detect(e), window)
                            : LogLogFits.leastSquares(e, window, true),
                    resample, options.bootstrap(), 1.0);
        }
        PowerLawFit mle = ClausetMle.fit(eigs, n);
        double[] localSlope = LogLogFits.localSlope(eigs, 5);

        TargetSpectrum target = null;
        double a = Double.NaN;
        double predicted = Double.NaN;
        if (targets != null) {
            DMatrixRMaj vectors = spectrum.eigenvectors().orElseThrow();
            target = TargetSpectrum.of(eigs, CommonOps_DDRM.extract(vectors, 0, vectors.numRows, 0, eigs.length), targets);
            a = target.exponentA(window);
            // a ≤ 1: the task power does not decay faster than 1/k, the theory's exponent is undefined
            double alphaK = primary.alpha().value();
            predicted = a > 1 && alphaK > 0 ? LearningCurveTheory.predictedExponent(a, 1 + alphaK) : Double.NaN;
        }
        return new Result(spectrum, primary, leastSquares, mle, staircase, primary.alpha().overlaps(mle.alpha()),
                localSlope, target, a, predicted);
    }

    /** The descending spectrum of K[S, S]/n for bootstrap replicate r (rows drawn with replacement). */
    private static double[] resampledSpectrum(DMatrixRMaj gram, Options options, int replicate) {
        int[] rows = Resampling.bootstrapRows(gram.numRows, options.seed(), replicate);
        DMatrixRMaj sub = Submatrix.of(gram, rows, rows);
        EigenRequest request = options.topK() == 0 ? EigenRequest.all() : EigenRequest.top(options.topK());
        return positivePart(Eigensolvers.symmetric(sub, request).eigenvalues());
    }

    /**
     * The leading positive eigenvalues: round-off can leave the tail of a PSD kernel slightly
     * negative; power-law fits need λ &gt; 0, and the numerical floor excludes that tail anyway.
     */
    private static double[] positivePart(double[] descending) {
        int m = 0;
        while (m < descending.length && descending[m] > 0) {
            m++;
        }
        return Arrays.copyOf(descending, m);
    }
}
