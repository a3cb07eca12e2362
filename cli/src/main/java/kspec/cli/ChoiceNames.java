package kspec.cli;

import java.util.Locale;
import kspec.scaling.Axis;
import kspec.scaling.Target;

/** The CLI's names for the library's choices, parsed into its enums (case-insensitive). */
final class ChoiceNames {

    private ChoiceNames() {
    }

    /**
     * @param name {@code data} or {@code width}
     * @throws IllegalArgumentException naming the accepted values otherwise
     */
    static Axis axis(String name) {
        for (Axis axis : Axis.values()) {
            if (axis.key().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return axis;
            }
        }
        throw new IllegalArgumentException("--axis must be data or width, got '" + name + "'");
    }

    /** @return TEACHER for {@code teacher}, LABELS for {@code labels}, else COLUMN (the name of the data's target column) */
    static Target target(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "teacher" -> Target.TEACHER;
            case "labels" -> Target.LABELS;
            default -> Target.COLUMN;
        };
    }
}
