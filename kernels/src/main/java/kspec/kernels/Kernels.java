package kspec.kernels;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import kspec.core.ParameterException;
import kspec.core.progress.ProgressListener;
import kspec.spectra.SpectrumAnalysis;
import org.ejml.data.DMatrixRMaj;

/**
 * The kernels of an architecture on a data set, in one place: the stored Gram matrix
 * ({@link KernelBuilder}) and its spectrum with the size-aware choice between the dense and the
 * matrix-free path ({@link KernelOperator}, block Krylov).
 */
public final class Kernels {

    private Kernels() {
    }

    /**
     * K(X), one kernel ({@link KernelBuilder#gram}).
     *
     * @param x n × d_in points, one per row. Not modified.
     * @throws IllegalArgumentException as {@link KernelBuilder#gram}, e.g. when K does not fit the heap
     */
    public static DMatrixRMaj gram(Architecture a, DMatrixRMaj x, KernelKind kind, ProgressListener progress) {
        return KernelBuilder.gram(a, x, EnumSet.of(kind), progress).get(kind);
    }

    /**
     * The eigenvalues of K/n and their fits ({@link SpectrumAnalysis}), dense or matrix-free. The dense
     * path builds K ({@link #gram}) and decomposes it; the matrix-free path applies K as a
     * {@link KernelOperator}, recomputing it block pair by block pair on every product, and finds the top K
     * by block Krylov — memory O(n·K) plus the block workspace, never n × n. {@link
     * KernelSpectrum.Route#AUTOMATIC} goes matrix-free when a top K is asked for and the dense path
     * cannot run ({@link #denseProblem}).
     *
     * @param x       n × d_in points. Not modified (the operator references them while it runs).
     * @param targets n × t targets for the task-power spectrum, or null
     * @throws ParameterException when the dense path cannot run and no top K is asked for, or when the
     *                            matrix-free path is needed with a bootstrap (which resamples a stored kernel)
     */
    public static KernelSpectrum spectrum(Architecture a, DMatrixRMaj x, KernelKind kind, DMatrixRMaj targets,
                                          SpectrumAnalysis.Options options, KernelSpectrum.Route route,
                                          ProgressListener progress) {
        int n = x.numRows;
        Optional<String> denseProblem = denseProblem(n);
        boolean matrixFree = route == KernelSpectrum.Route.MATRIX_FREE || (options.topK() > 0 && denseProblem.isPresent());
        if (!matrixFree) {
            if (denseProblem.isPresent()) {
                throw new ParameterException("The dense " + n + " × " + n + " kernel does not fit (" + denseProblem.get()
                        + "): ask for the K largest eigenvalues ({SpectrumAnalysis.Options.topK}) to find them matrix-free "
                        + "(the kernel is then never stored), subsample the points, or raise the Java heap (-Xmx)",
                        "SpectrumAnalysis.Options.topK");
            }
            return new KernelSpectrum(SpectrumAnalysis.analyse(gram(a, x, kind, progress), targets, options), null);
        }
        if (route == KernelSpectrum.Route.AUTOMATIC && options.bootstrap() > 0) {
            throw new ParameterException("The dense " + n + " × " + n + " kernel does not fit (" + denseProblem.get()
                    + "), so only the matrix-free path can run, and the bootstrap resamples a stored kernel: drop "
                    + "{SpectrumAnalysis.Options.bootstrap} or subsample the points", "SpectrumAnalysis.Options.bootstrap");
        }
        KernelOperator operator = KernelOperator.of(a, x, kind, progress);
        SpectrumAnalysis.Result analysis = SpectrumAnalysis.analyse(operator, targets, options);
        return new KernelSpectrum(analysis, new KernelSpectrum.MatrixFreeRun(operator.tileRows(),
                operator.entriesPerApplication(), operator.applications()));
    }

    /**
     * Why the dense path cannot run, if it cannot: the n × n kernel plus the eigensolver's working
     * copy (2·n²·8 bytes) must pass {@link KernelBuilder#requireMemory}, which also refuses
     * n &gt; 46 340 (more entries than one Java array holds).
     *
     * @return the reason, or empty when the dense path fits
     */
    public static Optional<String> denseProblem(int n) {
        try {
            KernelBuilder.requireMemory(n, 2);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            long entries = (long) n * n;
            return Optional.of(entries > Integer.MAX_VALUE - 8 ? "n² = " + entries + " entries exceed one Java array"
                    : String.format(Locale.ROOT, "kernel and eigen working copy need %.2f GB of heap", 16.0 * entries / 1e9));
        }
    }
}
