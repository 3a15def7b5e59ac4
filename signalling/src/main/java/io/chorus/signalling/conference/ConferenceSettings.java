package io.chorus.signalling.conference;

import static io.chorus.core.config.SettingChecks.required;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.chorus.core.config.SettingException;
import io.chorus.mixer.room.RoomMixerConfig;
import io.chorus.mixer.video.Layout;
import io.chorus.mixer.video.LayoutName;
import io.chorus.recorder.rtmp.BroadcastSettings;

/**
 * What every conference room on this server starts from, each part owned and checked by the module
 * that uses it: the mixer's {@link RoomMixerConfig}, the downstream {@link VideoTier}s, the server's
 * {@link RoomLimits}, the recorder's {@link RecordingSettings} and {@link BroadcastSettings}. A room
 * created through the API may override canvas and layout.
 *
 * @param layout the layout rooms start with; the mixer's initial layout is made from it
 * @param tiers  best first, strictly descending bitrate, none larger than the canvas
 */
public record ConferenceSettings(RoomMixerConfig mixer, LayoutName layout, List<VideoTier> tiers, RoomLimits limits,
        RecordingSettings recording, BroadcastSettings broadcast) {

    public ConferenceSettings {
        required(layout, "layout");
        mixer = required(mixer, "mixer").withLayout(layout.layout());
        tiers = List.copyOf(tiers);
        checkTiers(tiers, mixer.canvasWidth(), mixer.canvasHeight());
        required(limits, "limits");
        required(recording, "recording");
        required(broadcast, "broadcast");
    }

    private static void checkTiers(List<VideoTier> tiers, int canvasWidth, int canvasHeight) {
        if (tiers.isEmpty()) {
            throw new SettingException("tiers", "must list at least one tier");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            VideoTier tier = tiers.get(i);
            if (!names.add(tier.name())) {
                throw new SettingException("tiers", "name '" + tier.name() + "' is used twice");
            }
            if (tier.width() > canvasWidth || tier.height() > canvasHeight) {
                throw new SettingException("tiers", "'" + tier.name() + "' is " + tier.width() + "x" + tier.height()
                        + ", larger than the " + canvasWidth + "x" + canvasHeight + " canvas");
            }
            VideoTier better = i == 0 ? null : tiers.get(i - 1);
            if (better != null && tier.bitrateBps() >= better.bitrateBps()) {
                throw new SettingException("tiers", "must be in strictly descending bitrate, but '" + tier.name()
                        + "' (" + tier.bitrateBps() + ") follows '" + better.name() + "' (" + better.bitrateBps() + ")");
            }
        }
    }

    /** The mixer configuration of a room with this canvas and layout. */
    RoomMixerConfig mixerConfig(int canvasWidth, int canvasHeight, int framesPerSecond, Layout initialLayout) {
        return mixer.withCanvas(canvasWidth, canvasHeight, framesPerSecond).withLayout(initialLayout);
    }
}
