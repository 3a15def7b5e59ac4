package io.chorus.mixer.video;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BitmapFontTest {

    private static String pixels(TextMask mask) {
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                out.append(mask.inkAt(x, y) ? '#' : '.');
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Test
    void everyPrintableCharacterHasItsOwnGlyph() {
        Set<String> seen = new HashSet<>();
        for (char c = '!'; c <= '~'; c++) {
            String glyph = pixels(BitmapFont.render(String.valueOf(c), 1, 100));
            assertTrue(glyph.contains("#"), "blank glyph for " + c);
            assertTrue(seen.add(glyph), "glyph for " + c + " repeats another:\n" + glyph);
        }
        assertEquals(-1, pixels(BitmapFont.render(" ", 1, 100)).indexOf('#'));
    }

    @Test
    void drawsTheLetterAAtScaleTwo() {
        TextMask a = BitmapFont.render("A", 2, 100);
        assertEquals(10, a.width());
        assertEquals(14, a.height());
        assertEquals(""
                + "..######..\n"
                + "..######..\n"
                + "##......##\n"
                + "##......##\n", pixels(a).substring(0, 44));
    }

    @Test
    void nonAsciiIsDrawnAsQuestionMarks() {
        // One '?' per code point: the emoji is two chars in Java but one character to a reader.
        assertEquals(pixels(BitmapFont.render("Zo??", 1, 100)), pixels(BitmapFont.render("Zo\u00eb\uD83D\uDE00", 1, 100)));
        assertEquals(pixels(BitmapFont.render("?", 1, 100)), pixels(BitmapFont.render("\t", 1, 100)));
    }

    @Test
    void longTextEndsInAnEllipsisWithinTheWidth() {
        String name = "Bartholomew Cunningham-Smythe";
        int width = 10 * BitmapFont.ADVANCE * 2; // room for ten characters at scale 2
        TextMask cut = BitmapFont.render(name, 2, width);
        assertTrue(cut.width() <= width);
        assertEquals(pixels(BitmapFont.render("Barthol...", 2, 1000)), pixels(cut));
        int exactFit = (name.length() * BitmapFont.ADVANCE - 1) * 2;
        assertEquals(exactFit, BitmapFont.render(name, 2, exactFit).width(), "an exact fit is not cut");
        assertEquals(pixels(BitmapFont.render("..", 1, 12)), pixels(BitmapFont.render("Bob Dylan", 1, 12)));
        assertSame(TextMask.EMPTY, BitmapFont.render("Bob", 3, 10));
    }

    @Test
    void cacheReturnsTheSameMaskAndDropsTheLeastRecentlyUsed() {
        TextMaskCache cache = new TextMaskCache(3);
        TextMask ann = cache.mask("Ann", 2, 400);
        TextMask annSmall = cache.mask("Ann", 1, 400);
        assertNotSame(ann, annSmall);
        cache.mask("Ben", 2, 400);
        assertSame(ann, cache.mask("Ann", 2, 400));
        cache.mask("Cat", 2, 400);
        assertEquals(3, cache.size());
        assertSame(ann, cache.mask("Ann", 2, 400), "recently used, kept");
        assertNotSame(annSmall, cache.mask("Ann", 1, 400), "least recently used, dropped and rendered again");
        assertEquals(3, cache.size());
    }
}
