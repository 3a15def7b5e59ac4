package io.chorus.core.dtls;

/**
 * Which side of the DTLS handshake we play. RFC 8842 5.2 derives it from the SDP {@code a=setup}
 * attribute: {@code active} sends the ClientHello (CLIENT), {@code passive} waits for it (SERVER).
 */
public enum DtlsRole {
    SERVER, CLIENT
}
