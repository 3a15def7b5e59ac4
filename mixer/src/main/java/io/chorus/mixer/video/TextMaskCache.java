package io.chorus.mixer.video;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rendered names kept between frames, so a label costs a map look-up rather than a rendering each
 * frame. Bounded, least recently used first out, because names come and go with participants.
 * Not thread-safe: one per compositor.
 */
final class TextMaskCache {

    private record Key(String text, int scale, int maxWidth) {
    }

    private final Map<Key, TextMask> masks;

    TextMaskCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1: " + capacity);
        }
        this.masks = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, TextMask> eldest) {
                return size() > capacity;
            }
        };
    }

    TextMask mask(String text, int scale, int maxWidth) {
        return masks.computeIfAbsent(new Key(text, scale, maxWidth), k -> BitmapFont.render(k.text, k.scale, k.maxWidth));
    }

    int size() {
        return masks.size();
    }
}
