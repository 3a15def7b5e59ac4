package io.chorus.core.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyFrameRequesterTest {
    private final KeyFrameRequester pli = new KeyFrameRequester(KeyFrameMethod.PLI);

    @Test
    void sendsAtMostOneRequestPerMinimumInterval() {
        assertEquals(Optional.of(new KeyFrameRequest(KeyFrameMethod.PLI, 0, KeyFrameReason.STREAM_START)),
                pli.request(KeyFrameReason.STREAM_START, 1000));
        assertTrue(pli.request(KeyFrameReason.PACKET_LOSS, 1100).isEmpty());
        assertTrue(pli.request(KeyFrameReason.PACKET_LOSS, 1299).isEmpty());
        assertEquals(KeyFrameReason.DECODER_ERROR,
                pli.request(KeyFrameReason.DECODER_ERROR, 1300).orElseThrow().reason());
        assertEquals(2, pli.sentCount());
        assertEquals(2, pli.suppressedCount());
    }

    @Test
    void rateLimitAppliesEvenAfterAKeyFrameArrived() {
        pli.request(KeyFrameReason.STREAM_START, 0);
        pli.onKeyFrame();
        assertTrue(pli.request(KeyFrameReason.PACKET_LOSS, 100).isEmpty());
        assertTrue(pli.request(KeyFrameReason.PACKET_LOSS, 300).isPresent());
    }

    @Test
    void retriesWhenNoKeyFrameArrivesInTime() {
        pli.request(KeyFrameReason.PACKET_LOSS, 0);
        assertTrue(pli.retryIfOverdue(999).isEmpty());
        KeyFrameRequest retry = pli.retryIfOverdue(1000).orElseThrow();
        assertEquals(KeyFrameReason.RETRY, retry.reason());
        assertEquals(KeyFrameMethod.PLI, retry.method());
        assertTrue(pli.retryIfOverdue(1999).isEmpty());
        assertTrue(pli.retryIfOverdue(2000).isPresent());
    }

    @Test
    void stopsRetryingOnceTheKeyFrameArrives() {
        pli.request(KeyFrameReason.PACKET_LOSS, 0);
        assertTrue(pli.awaitingKeyFrame());
        pli.onKeyFrame();
        assertFalse(pli.awaitingKeyFrame());
        assertTrue(pli.retryIfOverdue(5000).isEmpty());
    }

    @Test
    void retryCountsFromTheLastRequestSent() {
        pli.request(KeyFrameReason.STREAM_START, 0);
        pli.request(KeyFrameReason.PACKET_LOSS, 600);
        assertTrue(pli.retryIfOverdue(1000).isEmpty());
        assertTrue(pli.retryIfOverdue(1600).isPresent());
    }

    @Test
    void nothingToRetryBeforeAnyRequest() {
        assertTrue(pli.retryIfOverdue(10_000).isEmpty());
    }

    @Test
    void everyFirCarriesTheNextCommandSequenceNumberWrappingAt256() {
        KeyFrameRequester fir = new KeyFrameRequester(KeyFrameMethod.FIR);
        long now = 0;
        for (int i = 0; i < 300; i++, now += 1000) {
            KeyFrameRequest request = i % 2 == 0
                    ? fir.request(KeyFrameReason.PACKET_LOSS, now).orElseThrow()
                    : fir.retryIfOverdue(now).orElseThrow();
            assertEquals(KeyFrameMethod.FIR, request.method());
            assertEquals(i % 256, request.firSequenceNumber());
        }
    }

    @Test
    void withoutANegotiatedMethodNothingIsRequested() {
        KeyFrameRequester none = new KeyFrameRequester(KeyFrameMethod.NONE);
        assertTrue(none.request(KeyFrameReason.STREAM_START, 0).isEmpty());
        assertTrue(none.retryIfOverdue(10_000).isEmpty());
        assertEquals(0, none.sentCount());
    }

    @ParameterizedTest(name = "pli={0} fir={1} -> {2}")
    @CsvSource({"true, true, PLI", "true, false, PLI", "false, true, FIR", "false, false, NONE"})
    void prefersPliOverFir(boolean nackPli, boolean ccmFir, KeyFrameMethod expected) {
        assertEquals(expected, KeyFrameMethod.negotiated(nackPli, ccmFir));
    }

    @Test
    void customIntervals() {
        KeyFrameRequester fast = new KeyFrameRequester(KeyFrameMethod.PLI, 50, 200);
        fast.request(KeyFrameReason.STREAM_START, 0);
        assertTrue(fast.request(KeyFrameReason.PACKET_LOSS, 49).isEmpty());
        assertTrue(fast.request(KeyFrameReason.PACKET_LOSS, 50).isPresent());
        assertTrue(fast.retryIfOverdue(249).isEmpty());
        assertTrue(fast.retryIfOverdue(250).isPresent());
        assertThrows(IllegalArgumentException.class, () -> new KeyFrameRequester(KeyFrameMethod.PLI, 500, 100));
        assertThrows(IllegalArgumentException.class, () -> new KeyFrameRequester(KeyFrameMethod.PLI, -1, 100));
    }
}
