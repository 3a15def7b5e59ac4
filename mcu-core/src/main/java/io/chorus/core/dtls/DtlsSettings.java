package io.chorus.core.dtls;

import io.chorus.core.srtp.SrtpProfile;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Tunables shared by every {@link DtlsTransport}.
 *
 * @param srtpProfiles          SRTP profiles in order of preference: what a client offers and what a
 *                              server picks from the client's offer. The default prefers AES-GCM (RFC
 *                              7714): one AEAD pass that the JDK accelerates, and a stronger tag than
 *                              HMAC-SHA1-80; AES-CM stays for peers that do not offer GCM.
 * @param handshakeTimeout      how long a handshake may take, counted from {@link DtlsTransport#start()}
 * @param maxDatagramSize       largest DTLS datagram we send (UDP payload); BC fragments handshake
 *                              messages to fit. 1200 is what browsers use and survives tunnels.
 * @param receiveQueueCapacity  datagrams waiting for the DTLS thread; more are dropped and counted
 */
public record DtlsSettings(List<SrtpProfile> srtpProfiles, Duration handshakeTimeout, int maxDatagramSize,
        int receiveQueueCapacity) {

    /** Room for a few full handshake flights with retransmissions. */
    public static final int DEFAULT_RECEIVE_QUEUE_CAPACITY = 64;
    public static final int DEFAULT_MAX_DATAGRAM_SIZE = 1200;
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);

    /** Below this a certificate fragment plus DTLS headers leaves too little room to be useful. */
    private static final int MIN_DATAGRAM_SIZE = 256;
    /** The largest UDP payload over IPv4. */
    private static final int MAX_DATAGRAM_SIZE = 65_507;

    public DtlsSettings {
        srtpProfiles = List.copyOf(srtpProfiles);
        if (srtpProfiles.isEmpty()) {
            throw new IllegalArgumentException("at least one SRTP profile is needed");
        }
        if (new HashSet<>(srtpProfiles).size() != srtpProfiles.size()) {
            throw new IllegalArgumentException("SRTP profiles listed twice: " + srtpProfiles);
        }
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()
                || handshakeTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("handshake timeout must be positive and under 24 days: "
                    + handshakeTimeout);
        }
        if (maxDatagramSize < MIN_DATAGRAM_SIZE || maxDatagramSize > MAX_DATAGRAM_SIZE) {
            throw new IllegalArgumentException("max datagram size must be " + MIN_DATAGRAM_SIZE + ".."
                    + MAX_DATAGRAM_SIZE + ": " + maxDatagramSize);
        }
        if (receiveQueueCapacity < 1) {
            throw new IllegalArgumentException("receive queue capacity must be positive: " + receiveQueueCapacity);
        }
    }

    public static DtlsSettings defaults() {
        return new DtlsSettings(List.of(SrtpProfile.SRTP_AEAD_AES_128_GCM, SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80),
                DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_MAX_DATAGRAM_SIZE, DEFAULT_RECEIVE_QUEUE_CAPACITY);
    }

    public DtlsSettings withSrtpProfiles(SrtpProfile... profiles) {
        return new DtlsSettings(List.of(profiles), handshakeTimeout, maxDatagramSize, receiveQueueCapacity);
    }

    public DtlsSettings withHandshakeTimeout(Duration timeout) {
        return new DtlsSettings(srtpProfiles, timeout, maxDatagramSize, receiveQueueCapacity);
    }
}
