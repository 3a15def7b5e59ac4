/**
 * ICE (<a href="https://www.rfc-editor.org/rfc/rfc8445">RFC 8445</a>) on ice4j, with every
 * participant on one UDP port. {@link io.chorus.core.ice.SharedUdpPort} owns that port: ice4j's
 * single-port harvester tells sessions apart by the ufrag of each new address's first Binding
 * Request, and a guard in front of it admits a new address only when that request carries a
 * MESSAGE-INTEGRITY made with the session's password
 * (<a href="https://www.rfc-editor.org/rfc/rfc8489">RFC 8489</a>, which replaced RFC 5389), and
 * only a few per session, because ice4j gives each admitted address a socket, a queue and a thread.
 * {@link io.chorus.core.ice.IceTransport} is one participant's ICE-controlled agent;
 * {@link io.chorus.core.ice.IceClientTransport} the browser's side, for the load client and tests;
 * {@link io.chorus.core.ice.MediaPortStats} counts what the port refused or survived, for
 * {@code /metrics}. Consent freshness
 * (<a href="https://www.rfc-editor.org/rfc/rfc7675">RFC 7675</a>) is left to the session, which
 * judges it from the browser's own traffic: ice4j's checks were seen to time out under load while
 * the browser was alive.
 *
 * <p>Threads: one ice4j thread,
 * {@code org.ice4j.ice.harvest.AbstractUdpListener thread for <address>}, receives for every
 * session on the port and pushes each datagram to its session. It must never block and nothing run
 * on it may throw, since its death silences every room: callbacks are wrapped so that a failure
 * costs one packet, and should the thread die all the same the port is reopened. ice4j's own
 * threads run the checks and report state changes; signalling threads create agents and add
 * trickled candidates; the metrics scrape reads the counters. In the load client, each
 * {@code IceClientTransport} reads on its own {@code ice-client-<name>} thread.
 */
package io.chorus.core.ice;
