package io.chorus.signalling.conference;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.MediaKind;
import io.chorus.core.session.MediaSession;
import io.chorus.core.session.SessionState;

/**
 * A participant of the echo room: each complete frame its browser sends is handed straight back
 * to the same session, which re-packetizes it under the server's own SSRCs. Muting stops the
 * echo of that medium.
 */
public final class EchoParticipant implements Peer, MediaSession.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(EchoParticipant.class);

    private final String id;
    private final String name;
    private final ParticipantSignals signals;
    private final Negotiation negotiation;
    private final Runnable onClosed;
    private final MediaSession session;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ClosedAction closedActions = new ClosedAction(this::closed);
    private volatile boolean audioMuted;
    private volatile boolean videoMuted;

    EchoParticipant(String id, String name, MediaSessions sessions, ParticipantSignals signals, Runnable onClosed)
            throws IOException {
        this.id = id;
        this.name = name;
        this.onClosed = onClosed;
        this.signals = signals;
        this.session = sessions.open("echo/" + id, this);
        this.negotiation = new Negotiation(session);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    public MediaSession session() {
        return session;
    }

    @Override
    public void acceptOffer(String sdp, Consumer<String> onAnswer) throws ConferenceException {
        onAnswer.accept(negotiation.answer(sdp));
    }

    @Override
    public void addRemoteCandidate(String candidate) throws ConferenceException {
        negotiation.addRemoteCandidate(candidate);
    }

    @Override
    public void setMuted(Boolean audio, Boolean video) {
        if (audio != null) {
            audioMuted = audio;
        }
        if (video != null) {
            boolean wasMuted = videoMuted;
            videoMuted = video;
            if (wasMuted && !video) {
                session.requestKeyFrame();
            }
        }
    }

    @Override
    public boolean audioMuted() {
        return audioMuted;
    }

    @Override
    public boolean videoMuted() {
        return videoMuted;
    }

    @Override
    public boolean closed() {
        return closed.get();
    }

    @Override
    public void onLocalCandidate(String candidate, String mid, int mLineIndex) {
        signals.onLocalCandidate(candidate, mid, mLineIndex);
    }

    @Override
    public void onStateChange(SessionState state, String detail) {
        signals.onConnectionState(state, detail);
        if (state == SessionState.FAILED) {
            LOG.info("{}: media transport failed ({}); releasing it", id, detail);
            close();
        }
    }

    @Override
    public void onFrame(MediaKind kind, EncodedFrame frame, int audioLevel) {
        boolean muted = kind == MediaKind.AUDIO ? audioMuted : videoMuted;
        if (!muted) {
            session.sendFrame(kind, frame);
        }
    }

    @Override
    public void onKeyFrameRequested() {
        // Our outgoing video is the browser's own: ask its encoder for the key frame.
        session.requestKeyFrame();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            session.close();
            onClosed.run();
            closedActions.run();
        }
    }

    @Override
    public void whenClosed(Runnable action) {
        closedActions.set(action);
    }
}
