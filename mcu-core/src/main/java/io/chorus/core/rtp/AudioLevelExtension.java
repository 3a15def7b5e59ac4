package io.chorus.core.rtp;

/**
 * The RFC 6464 client-to-mixer audio level header extension: one byte {@code V LLLLLLL}, the top bit
 * the sender's voice-activity flag, the low seven bits the level 0..127 meaning 0..-127 dBov (127 is
 * digital silence). Browsers put it on every audio packet, so a mixer knows who speaks without
 * decoding anyone.
 */
public final class AudioLevelExtension {
    /** Stands for "no level": the extension was not negotiated, or the packet did not carry it. */
    public static final int ABSENT = -1;
    /** The quietest level the extension can express: digital silence. */
    public static final int SILENCE = 127;

    private static final int VOICE_ACTIVITY_BIT = 0x80;
    private static final int LEVEL_MASK = 0x7F;

    private AudioLevelExtension() {
    }

    /** The level (0..127, -dBov) of the packet's extension with this negotiated id, or {@link #ABSENT}. */
    public static int level(RtpPacket packet, int extensionId) {
        if (extensionId < 0) {
            return ABSENT;
        }
        long element = packet.findExtension(extensionId);
        if (element < 0 || (element & 0xFFFF) < 1) {
            return ABSENT;
        }
        return level(packet.buffer()[(int) (element >>> 16)]);
    }

    /** The level (0..127, -dBov) in an extension byte. */
    public static int level(byte value) {
        return value & LEVEL_MASK;
    }

    /** The sender's voice-activity flag in an extension byte. */
    public static boolean voiceActivity(byte value) {
        return (value & VOICE_ACTIVITY_BIT) != 0;
    }

    /** The extension byte for a level (0..127) and voice-activity flag. */
    public static byte toByte(int level, boolean voiceActivity) {
        if (level < 0 || level > SILENCE) {
            throw new IllegalArgumentException("audio level must be 0..127 (-dBov), got " + level);
        }
        return (byte) (level | (voiceActivity ? VOICE_ACTIVITY_BIT : 0));
    }
}
