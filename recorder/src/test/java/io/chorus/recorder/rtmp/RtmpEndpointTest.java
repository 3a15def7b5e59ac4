package io.chorus.recorder.rtmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RtmpEndpointTest {

    @Test
    void masksTheStreamKey() {
        RtmpEndpoint youtube = RtmpEndpoint.parse("rtmp://a.rtmp.youtube.com/live2/abcd-efgh-ijkl-mnop");
        assertEquals("rtmp://a.rtmp.youtube.com/live2/****", youtube.toString());
        assertEquals("rtmp://a.rtmp.youtube.com/live2/abcd-efgh-ijkl-mnop", youtube.url());
        assertFalse(youtube.secure());
    }

    @Test
    void keepsPortAndNestedPathButDropsCredentialsAndQueryFromTheMaskedForm() {
        RtmpEndpoint endpoint = RtmpEndpoint.parse("rtmp://user:pw@127.0.0.1:1935/app/sub/secret?token=x");
        assertEquals("rtmp://127.0.0.1:1935/app/sub/****", endpoint.toString());
    }

    @Test
    void redactsTheUrlInsideMessages() {
        RtmpEndpoint endpoint = RtmpEndpoint.parse("rtmp://127.0.0.1/live/secret");
        assertEquals("avio_open(rtmp://127.0.0.1/live/****) failed",
                endpoint.redact("avio_open(rtmp://127.0.0.1/live/secret) failed"));
    }

    @Test
    void acceptsRtmpsWhenFfmpegHasTls() {
        RtmpEndpoint endpoint = RtmpEndpoint.parse("rtmps://live-api-s.facebook.com:443/rtmp/key");
        assertTrue(endpoint.secure());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/live/key", "example.com/live/key", "rtmp:///live/key",
            "rtmp://example.com/key", "rtmp://example.com/live/", "rtmp://example.com", "rtmp://exa mple.com/live/key"})
    void rejectsWhatCannotBeAnIngestUrl(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RtmpEndpoint.parse(url));
        assertTrue(e.getMessage().startsWith("broadcast url"), e.getMessage());
    }
}
