package io.chorus.core.dtls;

/**
 * Puts one outgoing DTLS datagram on the wire (through ICE). Called on the transport's DTLS thread;
 * the bytes are only valid during the call. An unchecked exception fails the handshake or connection.
 */
@FunctionalInterface
public interface DtlsPacketSender {
    void send(byte[] buffer, int offset, int length);
}
