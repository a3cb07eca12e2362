package kspec.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing, defaults, canonical form and error messages of the synthetic spec language. */
class SyntheticSpecTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // spec; kind; d; ambient — defaults: d = 2, ambient = native dimension of the kind
        "sphere; SPHERE; 2; 3",
        "sphere:d=4; SPHERE; 4; 5",
        "sphere:d=4,ambient=50; SPHERE; 4; 50",
        "cube:d=6,ambient=100; CUBE; 6; 100",
        "swissroll:ambient=10; SWISS_ROLL; 2; 10",
        "swiss-roll; SWISS_ROLL; 2; 3",
        "torus:d=3; TORUS; 3; 6",
        "gaussian:ambient=7,d=5; GAUSSIAN; 5; 7",
        "Sphere:d=1; SPHERE; 1; 2",
    })
    void parsesExamplesWithDefaults(String text, ManifoldKind kind, int d, int ambient) {
        assertEquals(new SyntheticSpec(kind, d, ambient), SyntheticSpec.parse(text));
    }

    @Test
    void canonicalFormNamesBothKeysAndParsesBack() {
        SyntheticSpec spec = SyntheticSpec.parse("swiss-roll:ambient=10");
        assertEquals("swissroll:d=2,ambient=10", spec.toString());
        assertEquals(spec, SyntheticSpec.parse(spec.toString()));
        for (ManifoldKind kind : ManifoldKind.values()) {
            SyntheticSpec native2 = SyntheticSpec.of(kind, 2);
            assertEquals(native2, SyntheticSpec.parse(native2.toString()));
            assertFalse(native2.isEmbedded());
        }
    }

    @Test
    void looksSyntheticChecksOnlyTheKindName() {
        assertTrue(SyntheticSpec.looksSynthetic("sphere"));
        assertTrue(SyntheticSpec.looksSynthetic("cube:d=6"));
        assertTrue(SyntheticSpec.looksSynthetic("swiss-roll:ambient=4"));
        assertTrue(SyntheticSpec.looksSynthetic("torus:nonsense"));
        assertFalse(SyntheticSpec.looksSynthetic("data/x.npy"));
        assertFalse(SyntheticSpec.looksSynthetic("fashion-mnist:train"));
        assertFalse(SyntheticSpec.looksSynthetic(null));
    }

    @Test
    void unknownKindIsNamedAndValidKindsListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticSpec.parse("spere:d=3"));
        assertTrue(e.getMessage().contains("unknown kind 'spere'"), e.getMessage());
        assertTrue(e.getMessage().contains("sphere, cube, torus, swissroll, gaussian"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sphere:dim=3", "sphere:d", "sphere:d=3,", "cube:6"})
    void badKeyOrTokenIsNamedAndValidKeysListed(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticSpec.parse(text));
        assertTrue(e.getMessage().contains("bad token"), e.getMessage());
        assertTrue(e.getMessage().contains("valid keys: d, ambient"), e.getMessage());
    }

    @Test
    void nonIntegerValueAndRepeatedKeyAreNamed() {
        IllegalArgumentException notInt = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSpec.parse("cube:ambient=10;d=2"));
        assertTrue(notInt.getMessage().contains("ambient must be an integer, got '10;d=2'"), notInt.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSpec.parse("sphere:d=3,d=4"));
        assertTrue(twice.getMessage().contains("key 'd' given twice"), twice.getMessage());
    }

    @Test
    void dimensionsOutOfRangeGiveTheLimit() {
        IllegalArgumentException zeroD = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSpec.parse("cube:d=0"));
        assertTrue(zeroD.getMessage().contains("d must be >= 1, got d=0"), zeroD.getMessage());
        IllegalArgumentException lowAmbient = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSpec.parse("sphere:d=4,ambient=4"));
        assertTrue(lowAmbient.getMessage().contains("ambient=4 is below the native dimension 5"), lowAmbient.getMessage());
        IllegalArgumentException torusAmbient = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSpec.parse("torus:d=3,ambient=5"));
        assertTrue(torusAmbient.getMessage().contains("pass ambient >= 6"), torusAmbient.getMessage());
        IllegalArgumentException roll = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSpec.parse("swissroll:d=3"));
        assertTrue(roll.getMessage().contains("swissroll has intrinsic dimension 2, got d=3"), roll.getMessage());
    }
}
