package io.chorus.samples.load;

import java.io.IOException;

/** Where a sender's plain RTP goes: the participant protects it in place and sends it. */
interface RtpSink {
    /** {@code packet[0, length)} is the RTP packet; the array has room after it for the SRTP tag. */
    void send(byte[] packet, int length) throws IOException;
}
