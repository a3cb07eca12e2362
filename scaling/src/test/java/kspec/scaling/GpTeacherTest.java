package kspec.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class GpTeacherTest {

    @Test
    void kernelOfIdenticalPointsIsRefusedBeforeItsJitterBecomesTheTarget() {
        // n identical points: K = c·11ᵀ, whose centred trace tr(HKH) is exactly 0
        int n = 40;
        DMatrixRMaj constant = new DMatrixRMaj(n, n);
        CommonOps_DDRM.fill(constant, 1.7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpTeacher.sample(constant, 2, 1));
        assertTrue(e.getMessage().startsWith("the kernel barely varies across the 40 points"), e.getMessage());

        // K = I + 11ᵀ: tr(HKH) = n − 1 of tr(K) = 2n, a kernel that varies; y = Lz with LLᵀ = K + εI, ε = 1e-10·2
        DMatrixRMaj varied = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.add(varied, 1.0);
        GpTeacher.Draw draw = GpTeacher.sample(varied, 2, 1);
        assertEquals(2e-10, draw.jitter(), 1e-24);
        assertEquals(n, draw.targets().numRows);
    }
}
