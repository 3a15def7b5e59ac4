package io.chorus.recorder.rtmp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NginxRtmpServerTest {

    @Test
    void startsStopsAndRestartsItsOwnNginxByPid(@TempDir Path directory) throws Exception {
        try (NginxRtmpServer server = NginxRtmpServer.start(directory, 1935)) {
            long first = server.pid();
            assertTrue(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false));
            server.stop();
            assertFalse(server.running());
            assertFalse(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false), "nginx " + first + " still alive");
            server.restart();
            assertTrue(server.running());
            assertNotEquals(first, server.pid());
        }
    }
}
