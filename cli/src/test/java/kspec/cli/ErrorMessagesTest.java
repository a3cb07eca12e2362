package kspec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The library names Java parameters in its messages; the command line names its options instead,
 * and still in one line with exit code 1.
 */
class ErrorMessagesTest {

    @TempDir
    Path dir;

    @Test
    void everyMappedParameterIsSetByAnExistingOption() {
        Set<String> options = new HashSet<>();
        CommandLine root = new CommandLine(new Kspec());
        for (CommandLine sub : root.getSubcommands().values()) {
            sub.getCommandSpec().options().forEach(o -> options.addAll(Set.of(o.names())));
        }
        ErrorMessages.OPTION_FOR_PARAMETER.forEach((parameter, option) ->
                assertTrue(options.contains(option), parameter + " maps to " + option + ", which no command has"));
    }

    @Test
    void aFileOfUnknownFormatNamesTheFormatOption() throws IOException {
        Path file = Files.writeString(dir.resolve("points.dat"), "1 2\n3 4\n");
        CliRun r = CliRun.of("info", "--data", file.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("set --format to npy, idx or csv"), r.err());
        assertFalse(r.err().contains("ReadOptions"), r.err());
    }

    @Test
    void theStandardParameterizationWithoutAWidthNamesTheWidthOption() {
        CliRun r = CliRun.of("spectrum", "--data", "sphere:d=2", "--n", "50", "--parameterization", "standard");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("give --width"), r.err());
    }

    @Test
    void sizesBeyondThePoolNameTheSizesOption() {
        CliRun r = CliRun.of("duality", "--data", "sphere:d=2", "--n", "300", "--test", "100", "--sizes", "16:512");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("lower --sizes or use more data"), r.err());
    }

    @Test
    void aBootstrapTooSmallNamesTheBootstrapOption() {
        CliRun r = CliRun.of("spectrum", "--data", "sphere:d=2", "--n", "50", "--bootstrap", "5");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--bootstrap needs at least 20 replicates"), r.err());
    }
}
