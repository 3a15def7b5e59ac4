package io.chorus.signalling.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chorus.mixer.publish.VideoDemand;
import org.junit.jupiter.api.Test;

class PublishConstraintsTest {

    @Test
    void bitrateFollowsThePixelsOfTheBox() {
        assertEquals(new PublishConstraints(640, 360, 30, 483_840, true),
                PublishConstraints.of(new VideoDemand(640, 360, 30)));
        assertEquals(new PublishConstraints(320, 180, 30, 120_960, true),
                PublishConstraints.of(new VideoDemand(320, 180, 30)));
        assertEquals(new PublishConstraints(1280, 720, 30, 1_935_360, true),
                PublishConstraints.of(new VideoDemand(1280, 720, 30)));
    }

    @Test
    void thumbnailsGetTheFloorBitrate() {
        assertEquals(PublishConstraints.MIN_BITRATE_BPS, PublishConstraints.of(new VideoDemand(160, 90, 15)).maxBitrateBps());
    }

    @Test
    void anInputShownNowhereIsPausedWithAFloorRemb() {
        PublishConstraints hidden = PublishConstraints.of(VideoDemand.NONE);
        assertEquals(new PublishConstraints(0, 0, 0, PublishConstraints.HIDDEN_BITRATE_BPS, false), hidden);
    }
}
