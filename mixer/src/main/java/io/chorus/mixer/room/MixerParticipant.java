package io.chorus.mixer.room;

import io.chorus.core.rtp.MediaKind;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.input.AudioInput;
import io.chorus.mixer.input.SenderClock;
import io.chorus.mixer.input.VideoInput;
import io.chorus.mixer.video.FitPolicy;
import io.chorus.mixer.video.Tile;

/**
 * One participant as the mixer sees it: an audio input, an optional video input, and the sender
 * clocks that line the two up. The push and report methods are for the network side and never block.
 */
public final class MixerParticipant {
    private final String id;
    private final String displayName;
    private final AudioInput audio;
    private final VideoInput video;
    private final SenderClock audioClock;
    private final SenderClock videoClock;
    private volatile boolean videoMuted;
    private VideoInput.Target target;

    MixerParticipant(String id, String displayName, AudioInput audio, VideoInput video, SenderClock audioClock,
            SenderClock videoClock) {
        this.id = id;
        this.displayName = displayName;
        this.audio = audio;
        this.video = video;
        this.audioClock = audioClock;
        this.videoClock = videoClock;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** A complete encoded video frame from the participant's transport. Ignored for a participant without video. */
    public void pushVideo(EncodedFrame frame) {
        if (video != null) {
            video.offer(frame);
        }
    }

    /**
     * One Opus packet from the participant's transport.
     *
     * @param audioLevel RFC 6464 level (0..127, -dBov) from the packet's header extension, or -1
     *                   when the packet has none (the mixer then measures the decoded PCM)
     */
    public void pushAudio(EncodedFrame packet, int audioLevel, long arrivalNanos) {
        audio.offer(packet, audioLevel, arrivalNanos);
    }

    /** An RTCP sender report for one of the participant's streams: the RTP-to-wall-clock pairing used for lip sync. */
    public void onSenderReport(MediaKind kind, long ntpTimestamp, long rtpTimestamp) {
        (kind == MediaKind.AUDIO ? audioClock : videoClock).onSenderReport(ntpTimestamp, rtpTimestamp);
    }

    public void setAudioMuted(boolean muted) {
        audio.setMuted(muted);
    }

    /** Gain applied before mixing, in dB. */
    public void setAudioGainDb(double gainDb) {
        audio.setGainDb(gainDb);
    }

    public void setVideoMuted(boolean muted) {
        videoMuted = muted;
    }

    public boolean videoMuted() {
        return videoMuted;
    }

    public AudioInput audio() {
        return audio;
    }

    public VideoInput video() {
        return video;
    }

    /**
     * Where the participant's audio playout is on the sender's clock at room time {@code roomMicros},
     * for picking the matching picture; unknown ({@link Long#MIN_VALUE}) until both streams have had
     * a sender report.
     */
    long audioPlayoutMicros(long roomMicros) {
        return videoClock.isSynchronised() ? audio.playoutCaptureMicrosAt(roomMicros) : Long.MIN_VALUE;
    }

    /** Video tick thread: one Target object per tile change, so inputs can compare by identity. */
    VideoInput.Target targetFor(Tile tile, FitPolicy fit) {
        if (target == null || !target.tile().equals(tile) || target.fit() != fit) {
            target = new VideoInput.Target(tile, fit);
        }
        return target;
    }

    /** Frees the decoders; called off the tick threads once the participant left the tick snapshot. */
    void close() {
        audio.close();
        if (video != null) {
            video.close();
        }
    }
}
