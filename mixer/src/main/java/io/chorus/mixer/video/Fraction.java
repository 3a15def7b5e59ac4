package io.chorus.mixer.video;

/**
 * An exact fraction in 0..1, a position or size relative to the canvas. Exact rather than double so
 * that adjacent regions such as thirds share their pixel edges after snapping and equal layouts compare
 * equal. Always held in lowest terms.
 *
 * <p>Denominators are capped at {@link #MAX_DENOMINATOR} so the pixel arithmetic of layouts stays
 * within a {@code long}; a millionth of the canvas is far finer than any pixel.
 */
public record Fraction(int numerator, int denominator) {

    public static final int MAX_DENOMINATOR = 1_000_000;
    public static final Fraction ZERO = new Fraction(0, 1);
    public static final Fraction ONE = new Fraction(1, 1);

    /** The decimal places {@link #parse} accepts: those that fit under {@link #MAX_DENOMINATOR}. */
    private static final int MAX_DECIMALS = 6;

    public Fraction {
        if (denominator <= 0) {
            throw new IllegalArgumentException("fraction denominator must be positive: " + numerator + "/" + denominator);
        }
        if (numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("fraction must lie in 0..1: " + numerator + "/" + denominator);
        }
        int gcd = gcd(numerator, denominator);
        numerator /= gcd;
        denominator /= gcd;
        if (denominator > MAX_DENOMINATOR) {
            throw new IllegalArgumentException("fraction denominator exceeds " + MAX_DENOMINATOR + " in lowest terms: "
                    + numerator + "/" + denominator);
        }
    }

    public static Fraction of(int numerator, int denominator) {
        return new Fraction(numerator, denominator);
    }

    /**
     * Reads {@code "n/d"} (e.g. {@code "1/3"}), a decimal with at most six places ({@code "0.25"}) or
     * {@code "0"} / {@code "1"}; surrounding white space is ignored.
     */
    public static Fraction parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("fraction text is null");
        }
        String s = text.strip();
        int slash = s.indexOf('/');
        if (slash >= 0) {
            return new Fraction(parseDigits(s.substring(0, slash), text), parseDigits(s.substring(slash + 1), text));
        }
        int dot = s.indexOf('.');
        if (dot < 0) {
            return new Fraction(parseDigits(s, text), 1);
        }
        String whole = s.substring(0, dot);
        String decimals = s.substring(dot + 1);
        if (decimals.length() > MAX_DECIMALS) {
            throw new IllegalArgumentException("fraction has more than " + MAX_DECIMALS + " decimal places: \"" + text + "\"");
        }
        int scale = pow10(decimals.length());
        int wholePart = whole.isEmpty() ? 0 : parseDigits(whole, text);
        int decimalPart = decimals.isEmpty() ? 0 : parseDigits(decimals, text);
        if (wholePart > 1) {
            throw new IllegalArgumentException("fraction must lie in 0..1: \"" + text + "\"");
        }
        return new Fraction(wholePart * scale + decimalPart, scale);
    }

    /**
     * The pixel edge this fraction of {@code total} falls on, rounded to the nearest even pixel (halves
     * up) because 4:2:0 chroma covers 2x2 luma blocks.
     */
    public int evenPixels(int total) {
        return evenPixels(numerator, denominator, total);
    }

    /** The same rounding as {@link #evenPixels(int)} for the value {@code numerator/denominator}. */
    static int evenPixels(long numerator, long denominator, int total) {
        return (int) ((numerator * total + denominator) / (2 * denominator)) * 2;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }

    private static int parseDigits(String digits, String text) {
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a fraction (expected \"n/d\", \"0.25\", \"0\" or \"1\"): \"" + text + "\"");
        }
        return Integer.parseInt(digits);
    }

    private static int pow10(int exponent) {
        int result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
