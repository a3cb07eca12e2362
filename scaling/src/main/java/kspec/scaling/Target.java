package kspec.scaling;

import java.util.Locale;

/** What a learning curve regresses on ({@link RegressionTargets}). */
public enum Target {

    /** A Gaussian-process teacher drawn with the student's kernel ({@link GpTeacher}). */
    TEACHER,
    /** The class labels, one-hot, each column centred. */
    LABELS,
    /** The data's own real-valued target column. */
    COLUMN;

    /** @return the name used in reports and JSON, e.g. {@code teacher} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
