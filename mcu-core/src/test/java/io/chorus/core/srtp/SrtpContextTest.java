package io.chorus.core.srtp;

import static io.chorus.core.srtp.SrtpTestSupport.masterKey;
import static io.chorus.core.srtp.SrtpTestSupport.rtcp;
import static io.chorus.core.srtp.SrtpTestSupport.rtp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.srtp.SrtpException.Reason;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Protect/unprotect behaviour through the public API, for both profiles. */
class SrtpContextTest {
    private static final long SSRC = 0x11223344L;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpRoundTripsAtAnOffset(SrtpProfile profile) throws SrtpException {
        SrtpContext sender = new SrtpContext(profile, masterKey(profile, 1));
        SrtpContext receiver = new SrtpContext(profile, masterKey(profile, 1));
        byte[] plain = rtp(4711, SSRC, 160, 0);
        int offset = 7;
        byte[] buffer = new byte[offset + plain.length + profile.rtpOverhead() + 3];
        System.arraycopy(plain, 0, buffer, offset, plain.length);

        int protectedLength = sender.protectRtp(buffer, offset, plain.length);

        assertEquals(plain.length + profile.rtpOverhead(), protectedLength);
        assertArrayEquals(Arrays.copyOf(plain, 12), Arrays.copyOfRange(buffer, offset, offset + 12));
        assertFalse(Arrays.equals(Arrays.copyOfRange(plain, 12, plain.length),
                Arrays.copyOfRange(buffer, offset + 12, offset + plain.length)), "payload must be encrypted");

        int plainLength = receiver.unprotectRtp(buffer, offset, protectedLength);

        assertEquals(plain.length, plainLength);
        assertArrayEquals(plain, Arrays.copyOfRange(buffer, offset, offset + plainLength));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void csrcsAndHeaderExtensionStayInTheClearButAuthenticated(SrtpProfile profile) throws SrtpException {
        SrtpContext sender = new SrtpContext(profile, masterKey(profile, 2));
        SrtpContext receiver = new SrtpContext(profile, masterKey(profile, 2));
        byte[] plain = rtpWithCsrcsAndExtension();
        int headerLength = 12 + 2 * 4 + 4 + 8;
        byte[] buffer = Arrays.copyOf(plain, plain.length + profile.rtpOverhead());

        int protectedLength = sender.protectRtp(buffer, 0, plain.length);
        assertArrayEquals(Arrays.copyOf(plain, headerLength), Arrays.copyOf(buffer, headerLength));

        byte[] forged = Arrays.copyOf(buffer, protectedLength);
        forged[headerLength - 1] ^= 0x40; // inside the extension element
        assertEquals(Reason.AUTH_FAILED, refusal(() -> receiver.unprotectRtp(forged, 0, forged.length)));

        int plainLength = receiver.unprotectRtp(buffer, 0, protectedLength);
        assertArrayEquals(plain, Arrays.copyOf(buffer, plainLength));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtcpRoundTripsAndEncryptsAllButTheFirstEightBytes(SrtpProfile profile) throws SrtpException {
        SrtpContext sender = new SrtpContext(profile, masterKey(profile, 3));
        SrtpContext receiver = new SrtpContext(profile, masterKey(profile, 3));
        byte[] plain = rtcp(SSRC, 0);
        byte[] buffer = Arrays.copyOf(plain, plain.length + profile.rtcpOverhead());

        int protectedLength = sender.protectRtcp(buffer, 0, plain.length);

        assertEquals(plain.length + profile.rtcpOverhead(), protectedLength);
        assertArrayEquals(Arrays.copyOf(plain, 8), Arrays.copyOf(buffer, 8));
        assertFalse(Arrays.equals(Arrays.copyOfRange(plain, 8, plain.length),
                Arrays.copyOfRange(buffer, 8, plain.length)));
        int plainLength = receiver.unprotectRtcp(buffer, 0, protectedLength);
        assertArrayEquals(plain, Arrays.copyOf(buffer, plainLength));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void sequenceWrapAdvancesTheRolloverCounterOnBothSides(SrtpProfile profile) throws SrtpException {
        SrtpContext sender = new SrtpContext(profile, masterKey(profile, 4));
        SrtpContext receiver = new SrtpContext(profile, masterKey(profile, 4));
        int[] sequence = {65533, 65534, 65535, 0, 1};
        byte[][] sent = new byte[sequence.length][];
        for (int i = 0; i < sequence.length; i++) {
            sent[i] = protect(sender, rtp(sequence[i], SSRC, 40, profile.rtpOverhead()), 52);
        }

        // 65533 is held back and arrives after the wrap: it must keep ROC 0.
        for (int i : new int[] {1, 2, 3, 4, 0}) {
            byte[] packet = sent[i].clone();
            int length = receiver.unprotectRtp(packet, 0, packet.length);
            assertArrayEquals(rtp(sequence[i], SSRC, 40, 0), Arrays.copyOf(packet, length), "seq " + sequence[i]);
        }

        // The sender really used ROC 1 after the wrap: a receiver that never saw the wrap assumes
        // ROC 0 for seq 0 and cannot authenticate it, one that saw 65535 first can.
        SrtpContext lateJoiner = new SrtpContext(profile, masterKey(profile, 4));
        assertEquals(Reason.AUTH_FAILED, refusal(() -> lateJoiner.unprotectRtp(sent[3].clone(), 0, sent[3].length)));
        SrtpContext wrapWitness = new SrtpContext(profile, masterKey(profile, 4));
        wrapWitness.unprotectRtp(sent[2].clone(), 0, sent[2].length);
        wrapWitness.unprotectRtp(sent[3].clone(), 0, sent[3].length);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aReplayedRtpPacketIsRefusedWithoutLosingState(SrtpProfile profile) throws SrtpException {
        SrtpContext sender = new SrtpContext(profile, masterKey(profile, 5));
        SrtpContext receiver = new SrtpContext(profile, masterKey(profile, 5));
        byte[] first = protect(sender, rtp(100, SSRC, 20, profile.rtpOverhead()), 32);
        byte[] second = protect(sender, rtp(101, SSRC, 20, profile.rtpOverhead()), 32);

        receiver.unprotectRtp(first.clone(), 0, first.length);
        assertEquals(Reason.REPLAYED, refusal(() -> receiver.unprotectRtp(first.clone(), 0, first.length)));
        receiver.unprotectRtp(second.clone(), 0, second.length);
        assertEquals(Reason.REPLAYED, refusal(() -> receiver.unprotectRtp(second.clone(), 0, second.length)));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpOlderThanTheWindowIsTooOldAndReorderingInsideItIsAccepted(SrtpProfile profile) throws SrtpException {
        SrtpContext sender = new SrtpContext(profile, masterKey(profile, 6));
        SrtpContext receiver = new SrtpContext(profile, masterKey(profile, 6));
        byte[][] sent = new byte[ReplayWindow.SIZE + 1][];
        for (int seq = 0; seq < sent.length; seq++) {
            sent[seq] = protect(sender, rtp(seq, SSRC, 8, profile.rtpOverhead()), 20);
        }
        for (int seq = 1; seq < sent.length; seq++) {
            if (seq != 5) {
                receiver.unprotectRtp(sent[seq], 0, sent[seq].length);
            }
        }

        receiver.unprotectRtp(sent[5], 0, sent[5].length);
        assertEquals(Reason.TOO_OLD, refusal(() -> receiver.unprotectRtp(sent[0], 0, sent[0].length)));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void srtcpReplayAndTooOld(SrtpProfile profile) throws SrtpException {
        SrtpContext sender = new SrtpContext(profile, masterKey(profile, 7));
        SrtpContext receiver = new SrtpContext(profile, masterKey(profile, 7));
        byte[][] sent = new byte[ReplayWindow.SIZE + 1][];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = protectRtcp(sender, rtcp(SSRC, profile.rtcpOverhead()), 28);
        }

        receiver.unprotectRtcp(sent[1].clone(), 0, sent[1].length);
        assertEquals(Reason.REPLAYED, refusal(() -> receiver.unprotectRtcp(sent[1].clone(), 0, sent[1].length)));
        receiver.unprotectRtcp(sent[sent.length - 1].clone(), 0, sent[sent.length - 1].length);
        assertEquals(Reason.TOO_OLD, refusal(() -> receiver.unprotectRtcp(sent[0].clone(), 0, sent[0].length)));
        receiver.unprotectRtcp(sent[2].clone(), 0, sent[2].length);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void theSenderRefusesToReuseAnIndex(SrtpProfile profile) throws SrtpException {
        SrtpContext sender = new SrtpContext(profile, masterKey(profile, 8));
        protect(sender, rtp(9, SSRC, 10, profile.rtpOverhead()), 22);

        assertEquals(Reason.REPLAYED,
                refusal(() -> sender.protectRtp(rtp(9, SSRC, 10, profile.rtpOverhead()), 0, 22)));
        protect(sender, rtp(10, SSRC, 10, profile.rtpOverhead()), 22);
        protect(sender, rtp(9, SSRC + 1, 10, profile.rtpOverhead()), 22);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everyTamperedRtpByteFailsAuthenticationAndChangesNothing(SrtpProfile profile) throws SrtpException {
        SrtpContext sender = new SrtpContext(profile, masterKey(profile, 9));
        SrtpContext receiver = new SrtpContext(profile, masterKey(profile, 9));
        byte[] good = protect(sender, rtp(300, SSRC, 30, profile.rtpOverhead()), 42);

        for (int i = 0; i < good.length; i++) {
            byte[] tampered = good.clone();
            tampered[i] ^= 0x01;
            byte[] before = tampered.clone();
            assertEquals(Reason.AUTH_FAILED, refusal(() -> receiver.unprotectRtp(tampered, 0, tampered.length)),
                    "byte " + i);
            assertArrayEquals(before, tampered, "a refused packet is left as it was");
        }

        int length = receiver.unprotectRtp(good, 0, good.length);
        assertArrayEquals(rtp(300, SSRC, 30, 0), Arrays.copyOf(good, length));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everyTamperedRtcpByteFailsAuthenticationAndChangesNothing(SrtpProfile profile) throws SrtpException {
        SrtpContext sender = new SrtpContext(profile, masterKey(profile, 10));
        SrtpContext receiver = new SrtpContext(profile, masterKey(profile, 10));
        byte[] good = protectRtcp(sender, rtcp(SSRC, profile.rtcpOverhead()), 28);

        for (int i = 0; i < good.length; i++) {
            byte[] tampered = good.clone();
            tampered[i] ^= 0x01;
            byte[] before = tampered.clone();
            assertEquals(Reason.AUTH_FAILED, refusal(() -> receiver.unprotectRtcp(tampered, 0, tampered.length)),
                    "byte " + i);
            assertArrayEquals(before, tampered, "a refused packet is left as it was");
        }

        int length = receiver.unprotectRtcp(good, 0, good.length);
        assertArrayEquals(rtcp(SSRC, 0), Arrays.copyOf(good, length));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void truncatedSrtpIsMalformedOrUnauthenticated(SrtpProfile profile) throws SrtpException {
        SrtpContext sender = new SrtpContext(profile, masterKey(profile, 11));
        SrtpContext receiver = new SrtpContext(profile, masterKey(profile, 11));
        byte[] good = protect(sender, rtp(1, SSRC, 30, profile.rtpOverhead()), 42);

        for (int length = 0; length < good.length; length++) {
            int truncated = length;
            Reason reason = refusal(() -> receiver.unprotectRtp(good.clone(), 0, truncated));
            if (length < 12 + profile.rtpOverhead()) {
                assertEquals(Reason.MALFORMED, reason, "length " + length);
            } else {
                assertEquals(Reason.AUTH_FAILED, reason, "length " + length);
            }
        }
        receiver.unprotectRtp(good, 0, good.length);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void truncatedSrtcpIsMalformedOrUnauthenticated(SrtpProfile profile) throws SrtpException {
        SrtpContext sender = new SrtpContext(profile, masterKey(profile, 12));
        SrtpContext receiver = new SrtpContext(profile, masterKey(profile, 12));
        byte[] good = protectRtcp(sender, rtcp(SSRC, profile.rtcpOverhead()), 28);

        for (int length = 0; length < good.length; length++) {
            int truncated = length;
            Reason reason = refusal(() -> receiver.unprotectRtcp(good.clone(), 0, truncated));
            Reason expected = length < 8 + profile.rtcpOverhead() ? Reason.MALFORMED : Reason.AUTH_FAILED;
            assertEquals(expected, reason, "length " + length);
        }
        receiver.unprotectRtcp(good, 0, good.length);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void malformedHeadersAreRefusedOnBothSides(SrtpProfile profile) {
        SrtpContext context = new SrtpContext(profile, masterKey(profile, 13));
        byte[] versionOne = rtp(1, SSRC, 20, profile.rtpOverhead());
        versionOne[0] = 0x40;
        byte[] extensionPastEnd = rtp(1, SSRC, 20, profile.rtpOverhead());
        extensionPastEnd[0] = (byte) 0x90;
        RtpPacket.writeUint16(extensionPastEnd, 14, 100);
        byte[] rtcpVersionZero = rtcp(SSRC, profile.rtcpOverhead());
        rtcpVersionZero[0] = 0x01;

        assertEquals(Reason.MALFORMED, refusal(() -> context.protectRtp(new byte[40], 0, 11)));
        assertEquals(Reason.MALFORMED, refusal(() -> context.protectRtp(versionOne, 0, 32)));
        assertEquals(Reason.MALFORMED, refusal(() -> context.protectRtp(extensionPastEnd, 0, 32)));
        assertEquals(Reason.MALFORMED, refusal(() -> context.unprotectRtp(extensionPastEnd, 0, 32)));
        assertEquals(Reason.MALFORMED, refusal(() -> context.protectRtcp(new byte[40], 0, 7)));
        assertEquals(Reason.MALFORMED, refusal(() -> context.protectRtcp(rtcpVersionZero, 0, 28)));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void randomBytesAreRefusedWithACheckedException(SrtpProfile profile) {
        SrtpContext receiver = new SrtpContext(profile, masterKey(profile, 14));
        Random random = new Random(42);
        Set<Reason> seen = EnumSet.noneOf(Reason.class);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[random.nextInt(120)];
            random.nextBytes(junk);
            if (junk.length > 0 && random.nextBoolean()) {
                junk[0] = (byte) (0x80 | (junk[0] & 0x3F)); // version 2, to get past the first check
            }
            seen.add(refusal(() -> receiver.unprotectRtp(junk.clone(), 0, junk.length)));
            seen.add(refusal(() -> receiver.unprotectRtcp(junk.clone(), 0, junk.length)));
        }
        assertEquals(EnumSet.of(Reason.MALFORMED, Reason.AUTH_FAILED), seen);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void protectNeedsRoomForTheTrailer(SrtpProfile profile) {
        SrtpContext sender = new SrtpContext(profile, masterKey(profile, 15));
        byte[] tight = rtp(1, SSRC, 20, profile.rtpOverhead() - 1);
        byte[] tightRtcp = rtcp(SSRC, profile.rtcpOverhead() - 1);

        assertThrows(IllegalArgumentException.class, () -> sender.protectRtp(tight, 0, 32));
        assertThrows(IllegalArgumentException.class, () -> sender.protectRtcp(tightRtcp, 0, 28));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void keysOfTheOtherDirectionDoNotAuthenticate(SrtpProfile profile) throws SrtpException {
        SrtpContext sender = new SrtpContext(profile, masterKey(profile, 16));
        SrtpContext wrongReceiver = new SrtpContext(profile, masterKey(profile, 17));
        byte[] packet = protect(sender, rtp(1, SSRC, 20, profile.rtpOverhead()), 32);

        assertEquals(Reason.AUTH_FAILED, refusal(() -> wrongReceiver.unprotectRtp(packet, 0, packet.length)));
    }

    private static byte[] protect(SrtpContext sender, byte[] buffer, int length) throws SrtpException {
        return Arrays.copyOf(buffer, sender.protectRtp(buffer, 0, length));
    }

    private static byte[] protectRtcp(SrtpContext sender, byte[] buffer, int length) throws SrtpException {
        return Arrays.copyOf(buffer, sender.protectRtcp(buffer, 0, length));
    }

    /** V=2, X=1, CC=2, a one-byte-form extension with one 3-byte element, and a 16-byte payload. */
    private static byte[] rtpWithCsrcsAndExtension() {
        byte[] packet = new byte[12 + 8 + 4 + 8 + 16];
        packet[0] = (byte) 0x92;
        packet[1] = 96;
        RtpPacket.writeUint16(packet, 2, 777);
        RtpPacket.writeUint32(packet, 8, SSRC);
        RtpPacket.writeUint32(packet, 12, 0xAAAA0001L);
        RtpPacket.writeUint32(packet, 16, 0xAAAA0002L);
        RtpPacket.writeUint16(packet, 20, 0xBEDE);
        RtpPacket.writeUint16(packet, 22, 2);
        packet[24] = 0x32; // id 3, 3 bytes
        packet[25] = 1;
        packet[26] = 2;
        packet[27] = 3;
        for (int i = 32; i < packet.length; i++) {
            packet[i] = (byte) i;
        }
        return packet;
    }

    @FunctionalInterface
    private interface SrtpCall {
        void run() throws SrtpException;
    }

    /** Runs {@code call}, which must be refused with a checked {@link SrtpException}, and returns why. */
    private static Reason refusal(SrtpCall call) {
        SrtpException refused = assertThrows(SrtpException.class, call::run);
        assertTrue(refused.getMessage().startsWith(refused.reason().name()));
        return refused.reason();
    }
}
