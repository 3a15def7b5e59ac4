package io.chorus.core.rtp.codec.opus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OpusTocTest {
    @Test
    void countsSamplesForEveryModeAndFrameCode() {
        assertEquals(480, samples(0 << 3), "SILK NB 10 ms");
        assertEquals(2880, samples(11 << 3), "SILK WB 60 ms");
        assertEquals(960, samples(13 << 3), "hybrid SWB 20 ms");
        assertEquals(120, samples(16 << 3), "CELT NB 2.5 ms");
        assertEquals(960, samples(31 << 3), "CELT FB 20 ms");
        assertEquals(1920, samples(31 << 3 | 1), "code 1: two frames");
        assertEquals(1920, samples(31 << 3 | 2), "code 2: two frames");
        assertEquals(5760, samples(31 << 3 | 3, 6), "code 3: six frames, 120 ms");
        assertEquals(-1, samples(31 << 3 | 3, 7), "over 120 ms");
        assertEquals(-1, samples(31 << 3 | 3, 0), "no frames");
        assertEquals(-1, OpusToc.packetSamples(new byte[] {(byte) (31 << 3 | 3)}, 0, 1), "missing count byte");
        assertEquals(-1, OpusToc.packetSamples(new byte[0], 0, 0));
    }

    @Test
    void concealmentTocKeepsModeBandwidthAndChannelsAndSetsTheDuration() {
        int silkWideband40msStereo = 10 << 3 | 0x04 | 3;
        assertEquals(9 << 3 | 0x04, OpusToc.concealmentToc(silkWideband40msStereo, 960) & 0xFF);
        assertEquals(8 << 3 | 0x04, OpusToc.concealmentToc(silkWideband40msStereo, 480) & 0xFF);
        assertEquals(15 << 3, OpusToc.concealmentToc(14 << 3, 960) & 0xFF, "hybrid FB");
        assertEquals(26 << 3, OpusToc.concealmentToc(24 << 3 | 1, 480) & 0xFF, "CELT SWB");
        assertEquals(31 << 3, OpusToc.concealmentToc(29 << 3, 960) & 0xFF, "CELT FB");
    }

    private static int samples(int toc, int... countByte) {
        byte[] packet = countByte.length == 0 ? new byte[] {(byte) toc, 0} : new byte[] {(byte) toc, (byte) countByte[0]};
        return OpusToc.packetSamples(packet, 0, packet.length);
    }
}
