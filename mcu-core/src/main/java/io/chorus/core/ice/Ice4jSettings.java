package io.chorus.core.ice;

import org.ice4j.ice.harvest.AbstractUdpListener;

/**
 * ice4j reads its configuration from system properties once, when its classes first load. This
 * class sets them before that happens, so that ice4j never calls out (no AWS metadata probe, no
 * default STUN mapping) and uses the push API that hands packets to us without a reader thread.
 */
final class Ice4jSettings {
    /** SRTP needs room after the payload for the auth tag; ice4j leaves it when allocating. */
    static final int TAIL_ROOM = 16;

    private static boolean applied;

    private Ice4jSettings() {
    }

    static synchronized void apply(IceConfig config) {
        if (applied) {
            return;
        }
        force("ice4j.harvest.mapping.aws.enabled", "false");
        force("ice4j.harvest.use-ipv6", "false");
        force("ice4j.harvest.udp.use-dynamic-ports", "false");
        force("ice4j.software", "");
        // ice4j paces its keep-alive binding indications by the consent interval.
        force("ice4j.consent-freshness.interval", config.consentInterval().toMillis() + " milliseconds");
        AbstractUdpListener.USE_PUSH_API = true;
        AbstractUdpListener.BYTES_TO_LEAVE_AT_END_OF_PACKET = TAIL_ROOM;
        applied = true;
    }

    private static void force(String key, String value) {
        System.setProperty(key, value);
    }
}
