package io.chorus.mixer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PictureRingTest {

    private static TimedPicture publish(PictureRing ring, long captureMicros, long sequence) {
        TimedPicture slot = ring.acquire();
        slot.pictureSized(4, 4);
        slot.stamp(captureMicros, sequence, null, null);
        ring.publish(slot);
        return slot;
    }

    @Test
    void showsThePictureMatchingTheAudioNotTheNewest() {
        PictureRing ring = new PictureRing(5);
        publish(ring, 1_000_000, 1);
        TimedPicture second = publish(ring, 1_033_333, 2);
        publish(ring, 1_066_666, 3);
        assertSame(second, ring.pick(1_050_000), "audio at 1.05 s plays with the picture captured at 1.033 s");
        assertEquals(2, ring.pick(1_050_000).sequence(), "nothing newer is due yet: keep showing it");
        assertEquals(3, ring.pick(1_070_000).sequence());
    }

    @Test
    void withoutASenderMappingTheNewestPictureIsShown() {
        PictureRing ring = new PictureRing(4);
        publish(ring, Long.MIN_VALUE, 1);
        publish(ring, Long.MIN_VALUE, 2);
        assertEquals(2, ring.pick(5_000_000).sequence());
        publish(ring, 9_000_000, 3);
        assertEquals(3, ring.pick(Long.MIN_VALUE).sequence(), "no audio reference: newest");
    }

    @Test
    void videoAheadOfAudioWaitsAndNothingIsShownBeforeItsTime() {
        PictureRing ring = new PictureRing(4);
        publish(ring, 2_000_000, 1);
        assertNull(ring.pick(1_000_000));
        assertEquals(1, ring.pick(2_000_000).sequence());
    }

    @Test
    void theShownPictureIsNeverHandedToTheDecoderWhileShown() {
        PictureRing ring = new PictureRing(3);
        TimedPicture shown = publish(ring, 1, 1);
        assertSame(shown, ring.pick(Long.MIN_VALUE));
        Set<TimedPicture> handedOut = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            TimedPicture slot = ring.acquire();
            assertNotSame(shown, slot);
            handedOut.add(slot);
            slot.stamp(2 + i, 2 + i, null, null);
            ring.publish(slot);
        }
        assertEquals(2, handedOut.size(), "the two other slots cycle, the oldest waiting one is given up");
    }

    @Test
    void clearForgetsEverythingAndAnUnusedSlotCanBeReturned() {
        PictureRing ring = new PictureRing(3);
        publish(ring, 1, 1);
        ring.pick(Long.MIN_VALUE);
        publish(ring, 2, 2);
        ring.clear();
        assertNull(ring.pick(Long.MIN_VALUE));
        TimedPicture a = ring.acquire();
        TimedPicture b = ring.acquire();
        TimedPicture c = ring.acquire();
        assertNull(ring.acquire(), "all three slots are out");
        ring.release(b);
        assertSame(b, ring.acquire());
        assertThrows(IllegalArgumentException.class, () -> new PictureRing(2));
        assertEquals(3, Set.of(a, b, c).size());
    }
}
