package io.chorus.signalling.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LogTextTest {
    @Test
    void lineBreaksCannotStartALineOfTheirOwn() {
        assertEquals("/api/rooms/x\\n12:00:00.000 ERROR forged", LogText.oneLine("/api/rooms/x\n12:00:00.000 ERROR forged"));
        assertEquals("a\\r\\nb", LogText.oneLine("a\r\nb"));
        assertEquals("C:\\\\n", LogText.oneLine("C:\\n"), "a backslash is escaped, so the escapes stay readable");
        assertNull(LogText.oneLine(null));
    }
}
