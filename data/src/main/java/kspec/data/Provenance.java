package kspec.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a {@link Dataset} came from and what was done to it: the source (a file path, a
 * {@code fashion-mnist:train} name or a synthetic spec), the format and element type it was read
 * in, and the ordered preprocessing steps applied since (subset with its seed, scale, center, …).
 *
 * @param source        file path, dataset name or synthetic spec, as the user gave it
 * @param format        {@code npy}, {@code idx}, {@code csv} or {@code synthetic}
 * @param dtype         element type in the source, e.g. {@code <f8}, {@code ubyte}, {@code float64}
 * @param steps         preprocessing applied in order, each a short readable string
 */
public record Provenance(String source, String format, String dtype, List<String> steps) {

    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(dtype, "dtype");
        steps = List.copyOf(steps);
    }

    /** @return provenance of data just read, with no preprocessing yet */
    public static Provenance of(String source, String format, String dtype) {
        return new Provenance(source, format, dtype, List.of());
    }

    /** @return a copy with {@code step} appended to the preprocessing record */
    public Provenance with(String step) {
        List<String> more = new ArrayList<>(steps);
        more.add(step);
        return new Provenance(source, format, dtype, more);
    }
}
