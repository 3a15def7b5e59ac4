package io.chorus.core.sdp;

import io.chorus.core.dtls.CertificateFingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

/** The Chrome-shaped offers under src/test/resources/sdp and the server parameters the tests answer with. */
final class Offers {
    static final String AUDIO_VIDEO = "chrome-audio-video.sdp";
    static final String DATACHANNEL = "chrome-datachannel.sdp";
    static final String H264_PASSIVE = "chrome-h264-passive.sdp";
    static final List<String> ALL = List.of(AUDIO_VIDEO, DATACHANNEL, H264_PASSIVE);

    static final IceCredentials SERVER_ICE = new IceCredentials("srv1", "serverPassword0123456789");
    static final CertificateFingerprint SERVER_FINGERPRINT = new CertificateFingerprint("sha-256", sequence(32));
    static final LocalTransport TRICKLE = new LocalTransport(SERVER_ICE, SERVER_FINGERPRINT, List.of(), false);
    static final LocalMedia SERVER_MEDIA = new LocalMedia("chorus-cname", "chorus",
            new OutgoingTrack("chorus-audio", 11111111L, OptionalLong.empty()),
            OutgoingTrack.withRtx("chorus-video", 22222222L, 33333333L));

    private Offers() {
    }

    static String read(String name) {
        try (InputStream in = Offers.class.getResourceAsStream("/sdp/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource sdp/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionDescription parse(String name) throws SdpException {
        return SdpParser.parse(read(name));
    }

    static SdpAnswer answer(String offerText) throws SdpException {
        return SdpAnswerer.answer(offerText, TRICKLE, SERVER_MEDIA);
    }

    /** The answer's lines from {@code m=} number {@code index} up to the next m= line. */
    static List<String> section(String sdp, int index) {
        List<String> lines = List.of(sdp.split("\r\n"));
        int start = -1;
        int seen = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("m=") && ++seen == index) {
                start = i;
            } else if (lines.get(i).startsWith("m=") && start >= 0) {
                return lines.subList(start, i);
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException("no m-line " + index);
        }
        return lines.subList(start, lines.size());
    }

    static byte[] sequence(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }
}
