package io.chorus.samples.load;

import io.chorus.core.sdp.HeaderExtension;

/**
 * The offer a synthetic participant sends, shaped like Chrome's for one camera and one microphone:
 * BUNDLE of two sendrecv sections, rtcp-mux, Opus on 111, VP8 on 96 with its RTX on 97 and the
 * feedback Chrome announces; or, for audio only, the audio section alone, as Chrome offers for a
 * microphone without a camera. Only what the clients actually do is offered: the one header
 * extension they stamp (the RFC 6464 audio level, on Chrome's id), no other codecs.
 */
final class OfferSdp {
    static final int OPUS = 111;
    static final int VP8 = 96;
    private static final int VP8_RTX = 97;
    static final int AUDIO_LEVEL_ID = 1;

    private OfferSdp() {
    }

    /**
     * @param fingerprint the client certificate's SHA-256 fingerprint, {@code AA:BB:...}
     * @param video       whether to offer the camera; without it the video SSRCs are not used
     */
    static String build(String ufrag, String password, String fingerprint, long audioSsrc, long videoSsrc,
            long videoRtxSsrc, String cname, boolean video) {
        String stream = "load-" + cname;
        String transport = "c=IN IP4 0.0.0.0\r\n"
                + "a=rtcp:9 IN IP4 0.0.0.0\r\n"
                + "a=ice-ufrag:" + ufrag + "\r\n"
                + "a=ice-pwd:" + password + "\r\n"
                + "a=ice-options:trickle\r\n"
                + "a=fingerprint:sha-256 " + fingerprint + "\r\n"
                + "a=setup:actpass\r\n";
        String audio = "m=audio 9 UDP/TLS/RTP/SAVPF " + OPUS + "\r\n"
                + transport
                + "a=mid:0\r\n"
                + "a=extmap:" + AUDIO_LEVEL_ID + " " + HeaderExtension.AUDIO_LEVEL + "\r\n"
                + "a=sendrecv\r\n"
                + "a=msid:" + stream + " " + stream + "-audio\r\n"
                + "a=rtcp-mux\r\n"
                + "a=rtcp-rsize\r\n"
                + "a=rtpmap:" + OPUS + " opus/48000/2\r\n"
                + "a=fmtp:" + OPUS + " minptime=10;useinbandfec=1\r\n"
                + ssrc(audioSsrc, cname, stream, stream + "-audio");
        return "v=0\r\n"
                + "o=- " + Math.abs(cname.hashCode()) + " 2 IN IP4 127.0.0.1\r\n"
                + "s=-\r\n"
                + "t=0 0\r\n"
                + "a=group:BUNDLE 0" + (video ? " 1" : "") + "\r\n"
                + "a=msid-semantic: WMS " + stream + "\r\n"
                + audio
                + (video ? videoSection(transport, videoSsrc, videoRtxSsrc, cname, stream) : "");
    }

    private static String videoSection(String transport, long videoSsrc, long videoRtxSsrc, String cname,
            String stream) {
        return "m=video 9 UDP/TLS/RTP/SAVPF " + VP8 + " " + VP8_RTX + "\r\n"
                + transport
                + "a=mid:1\r\n"
                + "a=sendrecv\r\n"
                + "a=msid:" + stream + " " + stream + "-video\r\n"
                + "a=rtcp-mux\r\n"
                + "a=rtcp-rsize\r\n"
                + "a=rtpmap:" + VP8 + " VP8/90000\r\n"
                + "a=rtcp-fb:" + VP8 + " goog-remb\r\n"
                + "a=rtcp-fb:" + VP8 + " ccm fir\r\n"
                + "a=rtcp-fb:" + VP8 + " nack\r\n"
                + "a=rtcp-fb:" + VP8 + " nack pli\r\n"
                + "a=rtpmap:" + VP8_RTX + " rtx/90000\r\n"
                + "a=fmtp:" + VP8_RTX + " apt=" + VP8 + "\r\n"
                + "a=ssrc-group:FID " + videoSsrc + " " + videoRtxSsrc + "\r\n"
                + ssrc(videoSsrc, cname, stream, stream + "-video")
                + ssrc(videoRtxSsrc, cname, stream, stream + "-video");
    }

    private static String ssrc(long ssrc, String cname, String stream, String track) {
        return "a=ssrc:" + ssrc + " cname:" + cname + "\r\n"
                + "a=ssrc:" + ssrc + " msid:" + stream + " " + track + "\r\n";
    }
}
