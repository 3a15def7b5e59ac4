package io.chorus.recorder.mux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The Opus identification header (RFC 7845 section 5.1) that WebM/Matroska store as CodecPrivate.
 * WebRTC carries no such header, so the recorder writes the one libopus at 48 kHz implies.
 */
final class OpusHead {
    /**
     * Samples the decoder discards at the start: libopus' look-ahead at 48 kHz (2.5 ms of CELT plus 4 ms
     * of delay compensation), which is what browsers' and the mixer's libopus encoders have.
     */
    static final int PRE_SKIP = 312;
    private static final int LENGTH = 19;

    private OpusHead() {
    }

    static byte[] of(int channels) {
        ByteBuffer head = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        head.put("OpusHead".getBytes(StandardCharsets.US_ASCII));
        head.put((byte) 1);
        head.put((byte) channels);
        head.putShort((short) PRE_SKIP);
        head.putInt(48_000);
        head.putShort((short) 0);
        head.put((byte) 0);
        return head.array();
    }
}
