package io.chorus.samples.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.dtls.CertificateFingerprint;
import io.chorus.core.dtls.DtlsCertificate;
import io.chorus.core.rtp.MediaKind;
import io.chorus.core.sdp.HeaderExtension;
import io.chorus.core.sdp.IceCredentials;
import io.chorus.core.sdp.LocalMedia;
import io.chorus.core.sdp.LocalTransport;
import io.chorus.core.sdp.NegotiatedSession;
import io.chorus.core.sdp.OutgoingTrack;
import io.chorus.core.sdp.SdpAnswer;
import io.chorus.core.sdp.SdpAnswerer;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The synthetic offer as the server's own answerer takes it. */
class OfferSdpTest {
    private static final String FINGERPRINT = DtlsCertificate.generate("offer-test").fingerprintSdp();

    private static SdpAnswer answer(boolean video) throws Exception {
        String offer = OfferSdp.build("ufrg", "clientPassword0123456789", FINGERPRINT, 1111, 2222, 2223, "p0", video);
        LocalTransport server = new LocalTransport(new IceCredentials("srv1", "serverPassword0123456789"),
                CertificateFingerprint.parse("sha-256", FINGERPRINT), List.of(), false);
        LocalMedia media = new LocalMedia("chorus", "chorus", OutgoingTrack.withoutRtx("a", 10),
                OutgoingTrack.withRtx("v", 20, 21));
        return SdpAnswerer.answer(offer, server, media);
    }

    @Test
    void theServerKeepsTheAudioLevelExtensionOnTheOfferedId() throws Exception {
        NegotiatedSession session = answer(true).session();
        assertEquals(OptionalInt.of(OfferSdp.AUDIO_LEVEL_ID),
                session.media(MediaKind.AUDIO).orElseThrow().extensionId(HeaderExtension.AUDIO_LEVEL));
        assertTrue(session.media(MediaKind.VIDEO).isPresent());
    }

    @Test
    void anAudioOnlyOfferIsAnsweredWithAudioAloneAndDtx() throws Exception {
        SdpAnswer answer = answer(false);
        assertTrue(answer.session().media(MediaKind.AUDIO).isPresent());
        assertTrue(answer.session().media(MediaKind.VIDEO).isEmpty());
        assertEquals(1, answer.sdp().split("\r\nm=", -1).length - 1, "one m-line: " + answer.sdp());
        assertTrue(answer.sdp().contains("usedtx=1"), answer.sdp());
    }
}
