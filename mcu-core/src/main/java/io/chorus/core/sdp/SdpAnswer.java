package io.chorus.core.sdp;

/** The answer to send back to the browser and what it settled for the server's transport. */
public record SdpAnswer(String sdp, NegotiatedSession session) {
}
