package kspec.scaling;

import kspec.core.ParameterMessage;
import kspec.core.stats.SeedStream;
import kspec.data.DataException;
import kspec.data.Dataset;
import kspec.spectra.fit.TargetSpectrum;
import org.ejml.data.DMatrixRMaj;

/**
 * The targets a learning curve regresses on ({@link Target}): a GP drawn with the student's kernel
 * ({@link GpTeacher}), the labels (one-hot, each column centred), or the data's own real-valued
 * target column.
 */
public final class RegressionTargets {

    /** Independent teacher functions drawn at once; the loss averages over them. */
    public static final int TEACHER_OUTPUTS = 4;

    private RegressionTargets() {
    }

    /**
     * @param target which targets
     * @param data   the data (labels or targets read from it)
     * @param gram   the student's kernel over all points (used by the teacher only; may be null otherwise)
     * @param seed   seed of the teacher's draw ({@link SeedStream#TARGETS} in a run)
     * @return N × t targets
     */
    public static DMatrixRMaj of(Target target, Dataset data, DMatrixRMaj gram, long seed) {
        return switch (target) {
            case TEACHER -> GpTeacher.sample(gram, TEACHER_OUTPUTS, seed).targets();
            case LABELS -> TargetSpectrum.oneHotCentred(data.labels().orElseThrow(() -> new DataException(ParameterMessage.of(
                    "{RegressionTargets.target} labels needs labelled data: " + data.name() + " has no labels; read them with "
                            + "{ReadOptions.labels}, or set {RegressionTargets.target} to teacher",
                    "RegressionTargets.target", "ReadOptions.labels"))));
            case COLUMN -> data.targets().orElseThrow(() -> new DataException(ParameterMessage.of(
                    "{RegressionTargets.target} column: " + data.name() + " has no target column; read a CSV with "
                            + "{ReadOptions.targetColumn} NAME, or set {RegressionTargets.target} to teacher",
                    "RegressionTargets.target", "ReadOptions.targetColumn")));
        };
    }

    /** @return the data's own targets if any, else its one-hot centred labels, else null */
    public static DMatrixRMaj fromData(Dataset data) {
        if (data.targets().isPresent()) {
            return data.targets().get();
        }
        return data.labels().map(TargetSpectrum::oneHotCentred).orElse(null);
    }
}
