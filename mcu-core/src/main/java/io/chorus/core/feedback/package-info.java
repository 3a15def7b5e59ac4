/**
 * The decisions behind RTCP feedback, one stream at a time, with no I/O: what each packet and timer
 * tick leads to, as plain values the session turns into packets.
 *
 * <p>Receiving: {@link io.chorus.core.feedback.ReceiveStatistics} keeps the loss, jitter and
 * LSR/DLSR of report blocks (<a href="https://www.rfc-editor.org/rfc/rfc3550">RFC 3550</a> section
 * 6.4 and appendix A); {@link io.chorus.core.feedback.NackGenerator} chooses the sequence numbers
 * to request again (<a href="https://www.rfc-editor.org/rfc/rfc4585">RFC 4585</a> generic NACK);
 * {@link io.chorus.core.feedback.KeyFrameRequester} rate-limits PLI and FIR
 * (<a href="https://www.rfc-editor.org/rfc/rfc5104">RFC 5104</a>) and retries them;
 * {@link io.chorus.core.feedback.TransportFeedbackGenerator} records arrivals for
 * <a href="https://datatracker.ietf.org/doc/html/draft-holmer-rmcat-transport-wide-cc-extensions-01">transport-wide
 * congestion control</a> feedback. Sending: {@link io.chorus.core.feedback.SenderStatistics} fills
 * sender reports, {@link io.chorus.core.feedback.RetransmissionBuffer} keeps sent packets, already
 * SRTP-protected, to answer NACKs within a byte budget. {@link io.chorus.core.feedback.NtpTime}
 * does the NTP arithmetic of reports and round-trip times.
 *
 * <p>Threads: nothing here is thread-safe. The session serialises each object under its stream's
 * lock (the transport-wide generator under its own) across ice4j's receive thread (packets,
 * incoming NACKs), the {@code transport-timers} thread (reports, due NACKs, retries) and the
 * {@code downstream} sender threads (packets sent, key-frame requests). Times are passed in, never
 * read, so tests run on invented clocks. Per packet nothing is allocated here but the arrival entry
 * of transport-wide feedback; every history is bounded (1000 awaited holes, 600 sent packets, 1000
 * arrivals) so that a peer cannot grow it.
 */
package io.chorus.core.feedback;
