package kspec.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import kspec.core.ParameterException;
import kspec.core.progress.ProgressListener;
import kspec.spectra.SpectrumAnalysis;
import kspec.spectra.fit.FitWindow;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/** The size-aware spectrum of {@link Kernels}: which path runs, that both agree, and what each refuses. */
class KernelsTest {

    private static final Architecture RELU = Architecture.simple(2, "relu", Math.sqrt(2), null, null, null);

    /**
     * The automatic switch: n = 46 341 has n² = 2 147 488 281 entries, more than one Java array
     * (2³¹ − 1); n = 40 000 needs 2·n²·8 = 25.6 GB, more than this machine's memory, let alone the test
     * heap; n = 100 needs 160 kB.
     */
    @Test
    void theDenseGuardDecidesTheAutomaticSwitch() {
        assertTrue(Kernels.denseProblem(46_341).orElseThrow().contains("one Java array"));
        assertTrue(Kernels.denseProblem(40_000).orElseThrow().contains("25.60 GB"));
        assertTrue(Kernels.denseProblem(100).isEmpty());
    }

    /**
     * The top 12 of the depth-2 ReLU NTK on 240 points, dense (LAPACK) and matrix-free (block Krylov):
     * each Ritz value lies within √k·ρ·λ₁ of an eigenvalue for the solver's RMS relative residual ρ.
     */
    @Test
    void bothPathsFindTheSameTopEigenvaluesAndSayWhichRan() {
        DMatrixRMaj x = RandomMatrices_DDRM.rectangle(240, 4, -1, 1, new Random(11));
        SpectrumAnalysis.Options top12 = new SpectrumAnalysis.Options(12, FitWindow.auto(), 0, 0);
        KernelSpectrum dense = Kernels.spectrum(RELU, x, KernelKind.NTK, null, top12, KernelSpectrum.Route.AUTOMATIC,
                ProgressListener.NONE);
        KernelSpectrum free = Kernels.spectrum(RELU, x, KernelKind.NTK, null, top12, KernelSpectrum.Route.MATRIX_FREE,
                ProgressListener.NONE);
        assertTrue(dense.dense());
        assertNull(dense.matrixFree());
        assertFalse(free.dense());
        assertEquals(64, free.matrixFree().tileRows(), "n/16 = 15 rounded up to the 64-row tile: 4 strips");
        assertTrue(free.matrixFree().products() > 0);
        double[] d = dense.analysis().spectrum().eigenvalues();
        double[] f = free.analysis().spectrum().eigenvalues();
        double tol = (Math.sqrt(12) * free.analysis().spectrum().residual() + 1e-12) * d[0];
        for (int i = 0; i < 12; i++) {
            assertEquals(d[i], f[i], tol, "λ" + (i + 1));
        }
    }

    /** Checked before anything is built: 46 341 one-feature points cost 370 kB, their kernel would not fit one array. */
    @Test
    void aKernelThatCannotBeStoredNeedsATopKAndNoBootstrap() {
        DMatrixRMaj x = new DMatrixRMaj(46_341, 1);
        ParameterException all = assertThrows(ParameterException.class, () -> Kernels.spectrum(RELU, x, KernelKind.NNGP,
                null, SpectrumAnalysis.Options.defaults(), KernelSpectrum.Route.AUTOMATIC, ProgressListener.NONE));
        assertEquals(List.of("SpectrumAnalysis.Options.topK"), all.advice().parameters());
        SpectrumAnalysis.Options topWithBootstrap = new SpectrumAnalysis.Options(10, FitWindow.auto(), 50, 0);
        ParameterException boot = assertThrows(ParameterException.class, () -> Kernels.spectrum(RELU, x, KernelKind.NNGP,
                null, topWithBootstrap, KernelSpectrum.Route.AUTOMATIC, ProgressListener.NONE));
        assertEquals(List.of("SpectrumAnalysis.Options.bootstrap"), boot.advice().parameters());
    }
}
