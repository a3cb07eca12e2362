package kspec.kernels;

import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * The result of a kernel build: the NNGP and/or NTK Gram matrix (whichever were requested) and the
 * build time. The matrices are handed over, not copied (they are n × n and large).
 */
public final class KernelPair {

    private final DMatrixRMaj nngp;
    private final DMatrixRMaj ntk;
    private final double seconds;

    private KernelPair(DMatrixRMaj nngp, DMatrixRMaj ntk, double seconds) {
        this.nngp = nngp;
        this.ntk = ntk;
        this.seconds = seconds;
    }

    /**
     * @param nngp    the NNGP matrix or null
     * @param ntk     the NTK matrix or null (same shape as nngp when both are present)
     * @param seconds wall-clock build time
     * @return the pair
     */
    public static KernelPair of(DMatrixRMaj nngp, DMatrixRMaj ntk, double seconds) {
        if (nngp == null && ntk == null) {
            throw new IllegalArgumentException("A KernelPair needs at least one kernel");
        }
        if (nngp != null && ntk != null && (nngp.numRows != ntk.numRows || nngp.numCols != ntk.numCols)) {
            throw new IllegalArgumentException("NNGP and NTK shapes differ");
        }
        return new KernelPair(nngp, ntk, seconds);
    }

    /** @return the NNGP matrix if requested */
    public Optional<DMatrixRMaj> nngp() {
        return Optional.ofNullable(nngp);
    }

    /** @return the NTK matrix if requested */
    public Optional<DMatrixRMaj> ntk() {
        return Optional.ofNullable(ntk);
    }

    /**
     * @param kind NNGP or NTK
     * @return that matrix
     * @throws IllegalStateException when it was not requested
     */
    public DMatrixRMaj get(KernelKind kind) {
        DMatrixRMaj m = kind == KernelKind.NNGP ? nngp : ntk;
        if (m == null) {
            throw new IllegalStateException(kind + " was not requested in this build");
        }
        return m;
    }

    /** @return wall-clock seconds of the build (input Gram included) */
    public double seconds() {
        return seconds;
    }
}
