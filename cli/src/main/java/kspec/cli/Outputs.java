package kspec.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import kspec.data.io.AtomicFiles;

/**
 * Writes the CLI's result files atomically; the commands write them to the temporary paths
 * {@link RunOutputs} hands out, which the run moves into place once all are written.
 */
final class Outputs {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private Outputs() {
    }

    /** Writes {@code value} (maps, lists, numbers, strings, records) as pretty-printed JSON. */
    static void writeJson(Path target, Object value) {
        AtomicFiles.write(target, out -> JSON.writeValue(out, value));
    }

    /** Writes UTF-8 text. */
    static void writeText(Path target, String text) {
        AtomicFiles.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
