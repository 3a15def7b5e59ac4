package io.chorus.signalling.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.chorus.signalling.protocol.ErrorCode;
import io.chorus.signalling.protocol.ProtocolException;

/**
 * The sessions each join token holds now, so that a token admits as many simultaneous joins as it
 * has seats (one unless it says otherwise) and not one for every tab or script that has a copy.
 */
public final class TokenSeats {
    private final ConcurrentHashMap<String, Integer> taken = new ConcurrentHashMap<>();

    /** A seat held by one session; giving it back twice gives back one. */
    public interface Seat {
        void release();
    }

    /** @throws ProtocolException {@code token-in-use} when the token's seats are all taken */
    public Seat take(JoinGrant grant) throws ProtocolException {
        boolean[] admitted = {false};
        taken.compute(grant.seatKey(), (key, n) -> {
            int count = n == null ? 0 : n;
            admitted[0] = count < grant.seats();
            return admitted[0] ? count + 1 : n;
        });
        if (!admitted[0]) {
            throw new ProtocolException(ErrorCode.TOKEN_IN_USE, "this token is already in use by " + grant.seats()
                    + " session(s), all it allows; leave there first, or mint a token with more seats");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                taken.computeIfPresent(grant.seatKey(), (key, n) -> n <= 1 ? null : n - 1);
            }
        };
    }

    /** Tokens with at least one session now. */
    public int tokensInUse() {
        return taken.size();
    }
}
