package io.chorus.mixer.input;

/**
 * Maps one incoming stream's RTP timestamps to the sender's wall clock using its latest RTCP sender
 * report (RFC 3550 section 6.4.1: an SR pairs an NTP time with the RTP timestamp of the same
 * instant). Audio and video of one participant come from one sender clock, so their mapped times
 * can be compared directly: that is what lines up lip sync in the mix.
 * Written by the network thread, read by media threads; the pair is published as one object.
 */
public final class SenderClock {
    private final int clockRate;
    private volatile Mapping mapping;

    private record Mapping(long ntpMicros, long rtpTimestamp) {
    }

    public SenderClock(int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
        this.clockRate = clockRate;
    }

    /** Records a sender report: its 64-bit NTP timestamp and the RTP timestamp of the same instant. */
    public void onSenderReport(long ntpTimestamp, long rtpTimestamp) {
        mapping = new Mapping(ntpToMicros(ntpTimestamp), rtpTimestamp & 0xFFFF_FFFFL);
    }

    public boolean isSynchronised() {
        return mapping != null;
    }

    /**
     * Sender wall-clock time, in microseconds on the NTP timeline, of the media with this RTP
     * timestamp; {@link Long#MIN_VALUE} before the first sender report. Timestamps within half
     * the 32-bit range of the report are taken as the nearest, so wrap-around is handled.
     */
    public long captureMicros(long rtpTimestamp) {
        Mapping m = mapping;
        if (m == null) {
            return Long.MIN_VALUE;
        }
        long delta = (int) ((rtpTimestamp & 0xFFFF_FFFFL) - m.rtpTimestamp());
        return m.ntpMicros() + delta * 1_000_000L / clockRate;
    }

    static long ntpToMicros(long ntp) {
        long seconds = ntp >>> 32;
        long fraction = ntp & 0xFFFF_FFFFL;
        return seconds * 1_000_000L + ((fraction * 1_000_000L) >>> 32);
    }
}
