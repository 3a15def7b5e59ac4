package io.chorus.recorder.mux;

import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import io.chorus.mixer.codec.FfmpegException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * An AVDictionary of options for one FFmpeg call. FFmpeg removes the options it used and leaves the
 * rest, so {@link #rejectUnused} turns a misspelt option into an error instead of silently ignoring it.
 */
final class FfmpegOptions implements AutoCloseable {
    private final PointerPointer<AVDictionary> dictionary = new PointerPointer<>(1);

    FfmpegOptions(Map<String, String> options) {
        dictionary.put(0, null);
        options.forEach((key, value) -> {
            try (BytePointer k = new BytePointer(key); BytePointer v = new BytePointer(value)) {
                FfmpegException.check(av_dict_set(dictionary, k, v, 0), "av_dict_set(" + key + ")");
            }
        });
    }

    PointerPointer<AVDictionary> dictionary() {
        return dictionary;
    }

    void rejectUnused(String kind) {
        AVDictionary remaining = dictionary.get(AVDictionary.class, 0);
        if (remaining == null || remaining.isNull()) {
            return;
        }
        List<String> unused = new ArrayList<>();
        AVDictionaryEntry entry = null;
        while ((entry = av_dict_get(remaining, "", entry, AV_DICT_IGNORE_SUFFIX)) != null && !entry.isNull()) {
            unused.add(entry.key().getString() + "=" + entry.value().getString());
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("unknown " + kind + (unused.size() > 1 ? "s " : " ") + unused);
        }
    }

    @Override
    public void close() {
        av_dict_free(dictionary);
        dictionary.close();
    }
}
