/**
 * RTCP wire formats: {@link io.chorus.core.rtcp.RtcpParser} splits a compound packet into immutable
 * {@link io.chorus.core.rtcp.RtcpPacket}s, and {@link io.chorus.core.rtcp.RtcpCompound} writes them
 * back to back with room left for the SRTCP trailer. Reports and source descriptions
 * ({@link io.chorus.core.rtcp.SenderReport}, {@link io.chorus.core.rtcp.ReceiverReport},
 * {@link io.chorus.core.rtcp.Sdes}, {@link io.chorus.core.rtcp.Bye}) follow
 * <a href="https://www.rfc-editor.org/rfc/rfc3550">RFC 3550</a>; feedback
 * ({@link io.chorus.core.rtcp.GenericNack}, {@link io.chorus.core.rtcp.Pli}) follows
 * <a href="https://www.rfc-editor.org/rfc/rfc4585">RFC 4585</a>, {@link io.chorus.core.rtcp.Fir}
 * <a href="https://www.rfc-editor.org/rfc/rfc5104">RFC 5104</a>, lone feedback packets
 * <a href="https://www.rfc-editor.org/rfc/rfc5506">RFC 5506</a> (reduced size);
 * {@link io.chorus.core.rtcp.Remb} is
 * <a href="https://datatracker.ietf.org/doc/html/draft-alvestrand-rmcat-remb-03">draft-alvestrand-rmcat-remb-03</a>
 * and {@link io.chorus.core.rtcp.TransportCcFeedback}
 * <a href="https://datatracker.ietf.org/doc/html/draft-holmer-rmcat-transport-wide-cc-extensions-01">draft-holmer-rmcat-transport-wide-cc-extensions-01</a>.
 * Anything else is kept whole as {@link io.chorus.core.rtcp.UnknownRtcp}.
 *
 * <p>Threads: the session parses on ice4j's receive thread and writes on the
 * {@code transport-timers} thread (reports, NACKs, transport-cc) or a {@code downstream} sender
 * thread (key-frame requests, REMB caps). Every class is stateless or immutable, so any thread may
 * use it. Parsing trusts no length or count from the wire: each is held to the bytes present, or to
 * a fixed cap (4096 packets in one transport-cc feedback), before anything is allocated for it, and
 * bad input raises only {@link io.chorus.core.MalformedPacketException}.
 */
package io.chorus.core.rtcp;
