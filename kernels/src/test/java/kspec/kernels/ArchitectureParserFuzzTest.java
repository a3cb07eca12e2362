package kspec.kernels;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz test of the architecture string parser (Jazzer): any text gives an {@link Architecture} or
 * the parser's own errors — an {@link ArchitectureSyntaxException} pointing at a token, or a plain
 * {@link IllegalArgumentException} for a string without layers — never another throwable (no
 * {@code NumberFormatException}, index or arithmetic error, no stack overflow).
 *
 * <p>In {@code mvn verify} the test runs once per input under
 * {@code src/test/resources/kspec/kernels/ArchitectureParserFuzzTestInputs/parse/};
 * {@code JAZZER_FUZZ=1 mvn test -pl kernels -am -Dtest=ArchitectureParserFuzzTest} fuzzes.
 */
class ArchitectureParserFuzzTest {

    @FuzzTest(maxDuration = "11m")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            Architecture architecture = Architecture.parse(text);
            assertFalse(architecture.toString().isEmpty(), "a parsed architecture names its layers");
        } catch (ArchitectureSyntaxException syntax) {
            // points at the offending token
        } catch (IllegalArgumentException e) {
            if (e.getClass() != IllegalArgumentException.class) {
                throw e; // a subclass such as NumberFormatException escaped the parser
            }
        }
    }
}
