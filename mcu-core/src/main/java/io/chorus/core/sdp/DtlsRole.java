package io.chorus.core.sdp;

/** The server's side of the DTLS handshake, as decided by the a=setup exchange. */
public enum DtlsRole {
    /** The server sends the ClientHello (we answered setup:active). */
    CLIENT,
    /** The server waits for the browser's ClientHello (we answered setup:passive). */
    SERVER
}
