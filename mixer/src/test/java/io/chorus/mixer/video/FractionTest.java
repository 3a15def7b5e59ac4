package io.chorus.mixer.video;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FractionTest {

    @ParameterizedTest
    @CsvSource({
            "1/3, 1, 3",
            "' 2/4 ', 1, 2",
            "0.25, 1, 4",
            ".5, 1, 2",
            "1., 1, 1",
            "0, 0, 1",
            "1, 1, 1",
            "1.000000, 1, 1",
            "0.333333, 333333, 1000000",
            "0/7, 0, 1",
            "2000000/4000000, 1, 2",
    })
    void parsesToLowestTerms(String text, int numerator, int denominator) {
        assertEquals(new Fraction(numerator, denominator), Fraction.parse(text));
        assertEquals(numerator, Fraction.parse(text).numerator());
        assertEquals(denominator, Fraction.parse(text).denominator());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "1/", "/2", "-1/2", "1/-2", "+1/2", "3/2", "1.5", "2", "1/0", "0.1234567",
            "1/3000000", "0.2.5", "1/2/3", "0x1", "99999999999/1"})
    void rejectsTextThatIsNotAFractionInZeroToOne(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fraction.parse(text));
        assertTrue(e.getMessage().contains("fraction"), e.getMessage());
    }

    @Test
    void rejectionMessagesSayWhatIsWrong() {
        assertEquals("fraction must lie in 0..1: 3/2", assertThrows(IllegalArgumentException.class,
                () -> Fraction.of(3, 2)).getMessage());
        assertEquals("fraction denominator must be positive: 1/0", assertThrows(IllegalArgumentException.class,
                () -> Fraction.of(1, 0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fraction.parse("half")).getMessage()
                .contains("\"half\""));
        assertThrows(IllegalArgumentException.class, () -> Fraction.parse(null));
    }

    @Test
    void evenPixelsRoundsToTheNearestEvenPixel() {
        assertEquals(426, Fraction.of(1, 3).evenPixels(1280)); // 426.67
        assertEquals(854, Fraction.of(2, 3).evenPixels(1280)); // 853.33
        assertEquals(1280, Fraction.ONE.evenPixels(1280));
        assertEquals(0, Fraction.ZERO.evenPixels(1280));
        assertEquals(4, Fraction.of(3, 720).evenPixels(720)); // 3 rounds half up to 4
        assertEquals(144, Fraction.of(1, 5).evenPixels(720));
    }

    @Test
    void printsAsNumeratorOverDenominator() {
        assertEquals("1/3", Fraction.of(2, 6).toString());
        assertEquals("1/4", Fraction.parse("0.25").toString());
    }
}
