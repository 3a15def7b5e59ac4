package io.chorus.mixer.room;

import io.chorus.mixer.clock.TickRate;
import io.chorus.mixer.clock.TickTask;
import io.chorus.mixer.input.TimedPicture;
import io.chorus.mixer.input.VideoInput;
import io.chorus.mixer.output.VideoOutputs;
import io.chorus.mixer.publish.RoomDemands;
import io.chorus.mixer.publish.VideoDemand;
import io.chorus.mixer.video.Compositor;
import io.chorus.mixer.video.FitPolicy;
import io.chorus.mixer.video.I420Picture;
import io.chorus.mixer.video.Layout;
import io.chorus.mixer.video.Tile;
import io.chorus.mixer.video.TileContent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One video tick: lay out the participants, take each one's picture that matches its audio, compose
 * the canvas, encode it once per output profile, and update what each input is asked to send.
 */
final class VideoTick implements TickTask {
    private final Compositor compositor;
    private final FitPolicy fit;
    private final TickRate rate;
    private final VideoOutputs outputs;
    private final Supplier<List<MixerParticipant>> participants;
    private final Supplier<String> activeSpeaker;
    private final RoomDemands demands;
    private final List<String> ids = new ArrayList<>();
    private final Map<String, MixerParticipant> byId = new HashMap<>();
    private final List<TileContent> contents = new ArrayList<>();
    private final CanvasChange canvasChange = new CanvasChange();
    private long[] sequences = new long[16];
    private volatile long composesSkipped;
    private final TickCpu composeCpu = new TickCpu();
    private final TickCpu encodeCpu = new TickCpu();
    private volatile Layout layout;
    private volatile int tilesShown;

    VideoTick(Compositor compositor, Layout layout, FitPolicy fit, TickRate rate, VideoOutputs outputs,
            Supplier<List<MixerParticipant>> participants, Supplier<String> activeSpeaker, RoomDemands demands) {
        this.rate = rate;
        this.compositor = compositor;
        this.layout = layout;
        this.fit = fit;
        this.outputs = outputs;
        this.participants = participants;
        this.activeSpeaker = activeSpeaker;
        this.demands = demands;
    }

    void setLayout(Layout next) {
        layout = next;
    }

    Layout layout() {
        return layout;
    }

    int tilesShown() {
        return tilesShown;
    }

    /** Any thread: the demand last published for the participant's camera, or null if none was. */
    VideoDemand videoDemand(String participantId) {
        return demands.latest(participantId);
    }

    /** Ticks that found nothing new to paint and encoded the canvas as it stood. */
    long composesSkipped() {
        return composesSkipped;
    }

    /** CPU time spent laying out and composing, since the room started. */
    long composeCpuNanos() {
        return composeCpu.nanos();
    }

    /** CPU time spent scaling the canvas to profiles and encoding it, since the room started. */
    long encodeCpuNanos() {
        return encodeCpu.nanos();
    }

    @Override
    public void onTick(long tick, long rtpTimestamp) {
        long start = TickCpu.now();
        long roomNanos = rate.offsetNanos(tick);
        long roomMicros = roomNanos / 1000;
        ids.clear();
        byId.clear();
        for (MixerParticipant p : participants.get()) {
            ids.add(p.id());
            byId.put(p.id(), p);
        }
        List<Tile> tiles = layout.arrange(ids, activeSpeaker.get(), compositor.canvas().width(), compositor.canvas().height());
        contents.clear();
        if (sequences.length < tiles.size()) {
            sequences = new long[tiles.size() * 2];
        }
        for (Tile tile : tiles) {
            MixerParticipant p = byId.get(tile.participantId());
            contents.add(contentFor(p, tile, roomMicros, contents.size()));
        }
        tilesShown = contents.size();
        I420Picture canvas;
        if (canvasChange.changed(contents, sequences)) {
            canvas = compositor.compose(contents);
        } else {
            canvas = compositor.canvas();
            composesSkipped++;
        }
        long composed = composeCpu.addSince(start);
        outputs.encode(canvas, tick, rtpTimestamp);
        encodeCpu.addSince(composed);
        // After encode, which applies this tick's subscription changes, so the largest profile is current.
        demands.update(ids, tiles, outputs.largestProfileWidth(), outputs.largestProfileHeight(), roomNanos);
    }

    /** The tile's content; its picture's decode sequence goes to {@code sequences[index]} (-1: placeholder). */
    private TileContent contentFor(MixerParticipant p, Tile tile, long roomMicros, int index) {
        sequences[index] = -1;
        VideoInput video = p.video();
        if (video == null || p.videoMuted()) {
            return TileContent.placeholder(tile, p.displayName());
        }
        video.setTarget(p.targetFor(tile, fit));
        TimedPicture picture = video.pictureFor(p.audioPlayoutMicros(roomMicros));
        if (picture == null) {
            return TileContent.placeholder(tile, p.displayName());
        }
        sequences[index] = picture.sequence();
        return new TileContent(tile, picture.placement(), picture.picture(), p.displayName());
    }
}
