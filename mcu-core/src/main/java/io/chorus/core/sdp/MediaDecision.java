package io.chorus.core.sdp;

/**
 * The answer's verdict on one offered m-line: accepted as {@code accepted}, or rejected for
 * {@code rejection} (then the answer gives it port 0).
 */
record MediaDecision(MediaSection offered, NegotiatedMedia accepted, String rejection) {

    static MediaDecision accept(MediaSection offered, NegotiatedMedia accepted) {
        return new MediaDecision(offered, accepted, null);
    }

    static MediaDecision reject(MediaSection offered, String reason) {
        return new MediaDecision(offered, null, reason);
    }

    boolean isAccepted() {
        return accepted != null;
    }

    String describe() {
        return "m-line " + offered.index() + " (" + offered.kind() + ")" + (isAccepted() ? "" : ": " + rejection);
    }
}
