package io.chorus.signalling.conference;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.chorus.core.rtp.MediaKind;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.sdp.SdpException;
import io.chorus.core.session.MediaSession;
import io.chorus.core.session.SessionState;

/**
 * A media session without a network: it answers any offer that is not "bad", remembers what the
 * room asked of it, and lets a test play the client's side through the listener.
 */
final class FakeSession implements MediaSession {
    final String name;
    final MediaSession.Listener listener;
    final String videoEncoding;
    final AtomicInteger keyFrameRequests = new AtomicInteger();
    final AtomicLong videoLimitBps = new AtomicLong(-1);
    final List<EncodedFrame> videoSent = new CopyOnWriteArrayList<>();
    final AtomicInteger audioSent = new AtomicInteger();
    final AtomicBoolean closed = new AtomicBoolean();
    private volatile String remoteOffer;

    FakeSession(String name, MediaSession.Listener listener, String videoEncoding) {
        this.name = name;
        this.listener = listener;
        this.videoEncoding = videoEncoding;
    }

    @Override
    public String acceptOffer(String offerSdp) throws SdpException {
        if (offerSdp.equals("bad")) {
            throw new SdpException("not an SDP offer");
        }
        remoteOffer = offerSdp;
        return "answer to " + offerSdp;
    }

    @Override
    public void addRemoteCandidate(String candidate) throws SdpException {
        if (candidate != null && !candidate.startsWith("candidate:")) {
            throw new SdpException("not a candidate: " + candidate);
        }
    }

    @Override
    public void sendFrame(MediaKind kind, EncodedFrame frame) {
        if (kind == MediaKind.VIDEO) {
            videoSent.add(frame);
        } else {
            audioSent.incrementAndGet();
        }
    }

    @Override
    public void requestKeyFrame() {
        keyFrameRequests.incrementAndGet();
    }

    @Override
    public void limitVideoBitrate(long bitsPerSecond) {
        videoLimitBps.set(bitsPerSecond);
    }

    @Override
    public String videoEncoding() {
        return remoteOffer == null ? null : videoEncoding;
    }

    @Override
    public long rttMillis() {
        return -1;
    }

    @Override
    public long bandwidthEstimateBps() {
        return -1;
    }

    @Override
    public SessionState state() {
        return closed.get() ? SessionState.CLOSED : SessionState.CONNECTING;
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
