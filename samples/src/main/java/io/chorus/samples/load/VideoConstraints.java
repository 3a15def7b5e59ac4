package io.chorus.samples.load;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server's {@code video-constraints} message: the largest size, rate and bitrate at which this
 * publisher's camera is shown anywhere, or {@code active == false} when it is shown nowhere. A field
 * the server leaves out does not constrain.
 */
record VideoConstraints(int maxWidth, int maxHeight, int maxFramerate, long maxBitrate, boolean active) {
    static final String TYPE = "video-constraints";

    static VideoConstraints fromJson(JsonNode message) {
        return new VideoConstraints(message.path("maxWidth").asInt(Integer.MAX_VALUE),
                message.path("maxHeight").asInt(Integer.MAX_VALUE),
                message.path("maxFramerate").asInt(Integer.MAX_VALUE),
                message.path("maxBitrate").asLong(Long.MAX_VALUE), message.path("active").asBoolean(true));
    }
}
