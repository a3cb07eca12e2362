package kspec.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Parsing, the canonical string form and the bad-input messages of {@link Architecture}. */
class ArchitectureTest {

    @Test
    void parsesTheIssueExampleAndRoundTrips() {
        Architecture a = Architecture.parse("Dense(1.5,0.05) Relu Dense(1.5, 0.05)  erf Dense(1.5)");
        assertEquals(5, a.layers().size());
        assertEquals(Parameterization.NTK, a.parameterization());
        assertEquals("Dense(1.5,0.05) Relu Dense(1.5,0.05) Erf Dense(1.5)", a.toString());
        assertEquals(a, Architecture.parse(a.toString()));
        Dense readout = a.readout();
        assertFalse(readout.hasBias());
        assertEquals(1.5, readout.wStd());
    }

    @Test
    void everyActivationTokenRoundTrips() {
        String all = "Dense(1.0) ABRelu(0.5,1.5) Dense(1.0) LeakyRelu(0.1) Dense(1.0) Abs Dense(1.0) Erf(1.0,2.0,0.5) "
                + "Dense(1.0) SigmoidLike Dense(1.0) Gelu Dense(1.0) Sin(1.0,2.0,0.1) Dense(1.0) Cos(1.0,1.0,0.0) "
                + "Dense(1.0) Rbf(0.5) Dense(1.0) Exp(1.0,0.5) Dense(1.0) Sign Dense(1.0) Identity Dense(1.0) "
                + "RectifiedMonomial(2) Dense(1.0) Tanh Dense(1.0) Softplus Dense(1.0) Silu Dense(1.0,0.0) "
                + "parameterization=standard width=64";
        Architecture a = Architecture.parse(all);
        assertEquals(all, a.toString());
        assertEquals(Parameterization.STANDARD, a.parameterization());
        assertEquals(64, a.width().getAsInt());
        assertTrue(a.readout().hasBias(), "Dense(1.0,0.0) has a (zero-variance) bias");
    }

    @Test
    void simpleFormIsDepthTimesDenseActivationThenReadout() {
        Architecture a = Architecture.simple(3, "relu", 1.4142, 0.05, Parameterization.NTK, null);
        assertEquals("Dense(1.4142,0.05) Relu Dense(1.4142,0.05) Relu Dense(1.4142,0.05) Relu Dense(1.4142,0.05)", a.toString());
        Architecture s = Architecture.simple(1, "erf", 1.0, null, Parameterization.STANDARD, 128);
        assertEquals("Dense(1.0) Erf Dense(1.0) parameterization=standard width=128", s.toString());
        assertEquals(s, Architecture.parse("Dense(1.0) Erf Dense(1.0)", Parameterization.STANDARD, 128));
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void unknownActivationPointsAtTheToken() {
        ArchitectureSyntaxException e = assertThrows(ArchitectureSyntaxException.class,
                () -> Architecture.parse("Dense(1.5) Rleu Dense(1.5)"));
        assertEquals(11, e.position());
        assertEquals("Rleu", e.token());
        assertTrue(e.getMessage().contains("Unknown activation 'Rleu'"), e.getMessage());
        assertTrue(e.getMessage().contains("column 12"), e.getMessage());
        assertTrue(message(() -> Architecture.simple(2, "relux", 1, null, null, null)).contains("Unknown activation 'relux'"));
    }

    @Test
    void nonPositiveWStdIsRefused() {
        ArchitectureSyntaxException e = assertThrows(ArchitectureSyntaxException.class,
                () -> Architecture.parse("Dense(1.5) Relu Dense(-1)"));
        assertEquals(16, e.position());
        assertTrue(e.getMessage().contains("W_std must be a finite number > 0 (got -1.0)"), e.getMessage());
        assertTrue(message(() -> Architecture.simple(2, "relu", 0, null, null, null)).contains("W_std must be"));
        assertTrue(message(() -> Dense.of(1, -0.1)).contains("b_std must be"));
    }

    @Test
    void depthBelowOneIsRefused() {
        assertTrue(message(() -> Architecture.simple(0, "relu", 1, null, null, null)).contains("depth must be >= 1"));
    }

    @Test
    void syntaxErrorsPointAtTheToken() {
        ArchitectureSyntaxException unclosed = assertThrows(ArchitectureSyntaxException.class,
                () -> Architecture.parse("Dense(1.5 Relu Dense(1)"));
        assertEquals(0, unclosed.position());
        assertTrue(unclosed.getMessage().startsWith("Unclosed '('"), unclosed.getMessage());

        ArchitectureSyntaxException number = assertThrows(ArchitectureSyntaxException.class,
                () -> Architecture.parse("Dense(1.5,abc) Relu Dense(1)"));
        assertEquals(10, number.position());
        assertEquals("abc", number.token());

        ArchitectureSyntaxException noReadout = assertThrows(ArchitectureSyntaxException.class,
                () -> Architecture.parse("Dense(1.5) Relu"));
        assertEquals(11, noReadout.position());
        assertTrue(noReadout.getMessage().contains("readout Dense"), noReadout.getMessage());

        ArchitectureSyntaxException twoActs = assertThrows(ArchitectureSyntaxException.class,
                () -> Architecture.parse("Dense(1.5) Relu Erf Dense(1)"));
        assertEquals("Erf", twoActs.token());

        ArchitectureSyntaxException arity = assertThrows(ArchitectureSyntaxException.class,
                () -> Architecture.parse("Dense(1.5) ABRelu(1) Dense(1)"));
        assertTrue(arity.getMessage().contains("ABRelu takes 2 argument(s), got 1"), arity.getMessage());

        ArchitectureSyntaxException option = assertThrows(ArchitectureSyntaxException.class,
                () -> Architecture.parse("Dense(1.5) Relu Dense(1) depth=3"));
        assertEquals("depth=3", option.token());
        assertTrue(message(() -> Architecture.parse("  ")).contains("Empty architecture"));
    }

    @Test
    void standardParameterizationNeedsAWidth() {
        String msg = message(() -> Architecture.parse("Dense(1.5) Relu Dense(1.5) parameterization=standard"));
        assertTrue(msg.contains("give Architecture.width"), msg);
        assertTrue(message(() -> Architecture.parse("Dense(1) Relu Dense(1) width=4", null, 5)).contains("Conflicting widths"));
    }

    @Test
    void kernelKindsParse() {
        assertEquals(2, KernelKind.parseSet("both").size());
        assertTrue(KernelKind.parseSet("NTK").contains(KernelKind.NTK));
        assertTrue(message(() -> KernelKind.parseSet("ngp")).contains("use nngp, ntk or both"));
        assertTrue(message(() -> Parameterization.parse("mup")).contains("'ntk' (default) or 'standard'"));
    }
}
