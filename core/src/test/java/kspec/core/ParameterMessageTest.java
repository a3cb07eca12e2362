package kspec.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterMessageTest {

    @Test
    void javaCallersReadTheParameterNamesAndAFrontEndItsOwn() {
        ParameterException e = new ParameterException("size 2048 exceeds the pool of 2000; lower {DualityConfig.dataSizes} "
                + "or set {DualityConfig.testPoints} lower", "DualityConfig.dataSizes", "DualityConfig.testPoints");
        assertEquals("size 2048 exceeds the pool of 2000; lower DualityConfig.dataSizes or set DualityConfig.testPoints lower",
                e.getMessage());
        Map<String, String> options = Map.of("DualityConfig.dataSizes", "--sizes");
        assertEquals("size 2048 exceeds the pool of 2000; lower --sizes or set DualityConfig.testPoints lower",
                e.advice().naming(p -> options.getOrDefault(p, p)));
    }

    @Test
    void onlyDeclaredParametersAreReplaced() {
        // a value that happens to hold braces (a file name, an NPY header) is left as it is
        ParameterMessage m = ParameterMessage.of("{x}.npy is not NPY; set {ReadOptions.format}", "ReadOptions.format");
        assertEquals("{x}.npy is not NPY; set --format", m.naming(p -> "--format"));
    }

    @Test
    void aParameterTheTemplateDoesNotMarkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ParameterMessage.of("lower the sizes", "DualityConfig.dataSizes"));
    }
}
