package io.chorus.mixer.codec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The choice of libopus. The build runs tests with the foreign-function options and CI installs
 * Debian's libopus0, so here "auto" must find the system's library: a silent fall-back to the slow one
 * would be a regression nobody sees.
 */
class OpusLibraryTest {
    @Test
    void autoAndSystemPickTheSystemsLibopus() {
        OpusLibrary auto = OpusLibrary.choose(OpusLibrary.AUTO);
        assertTrue(auto.isSystem(), "auto chose " + auto);
        assertTrue(auto.toString().matches("the system's libopus 1\\.\\d.* \\(/.*libopus\\.so\\.0\\)"), auto.toString());
        assertTrue(OpusLibrary.choose(OpusLibrary.SYSTEM).isSystem());
        assertFalse(OpusLibrary.choose(OpusLibrary.BUNDLED).isSystem());
    }

    @Test
    void refusesWhatIsNotALibopusItCanLoad(@TempDir Path folder) throws IOException {
        IllegalArgumentException relative = assertThrows(IllegalArgumentException.class,
                () -> OpusLibrary.choose("libopus.so.0"));
        assertTrue(relative.getMessage().contains("auto, system, bundled or an absolute path"), relative.getMessage());

        Path missing = folder.resolve("libopus.so.0");
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
                () -> OpusLibrary.choose(missing.toString()));
        assertTrue(absent.getMessage().contains(missing.toString()), absent.getMessage());

        Path garbage = Files.write(folder.resolve("garbage.so"), new byte[] {1, 2, 3, 4});
        IllegalArgumentException notALibrary = assertThrows(IllegalArgumentException.class,
                () -> OpusLibrary.choose(garbage.toString()));
        assertTrue(notALibrary.getMessage().contains(garbage.toString()), notALibrary.getMessage());
    }
}
