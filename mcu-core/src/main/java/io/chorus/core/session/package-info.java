/**
 * One participant's WebRTC media session, assembled from the other packages: what a room holds per
 * member. {@link io.chorus.core.session.MediaSession} is the contract rooms use (accept one offer,
 * take trickled candidates, exchange complete frames, ask for key frames, cap the browser's
 * bitrate), so rooms are tested with fakes; {@link io.chorus.core.session.PeerSession} is the real
 * one. Inside it, {@code SecureTransport} carries ICE, DTLS and SRTP, {@code MediaReceiver} turns
 * the browser's RTP into frames (RTX unwrapped, at most two SSRCs per kind), {@code MediaSender}
 * turns the server's frames into RTP, and {@code RtcpEngine} answers and sends RTCP.
 * {@link io.chorus.core.session.TransportContext} is what every session shares: the media port, the
 * DTLS certificate and one timer thread. Drops are counted by
 * {@link io.chorus.core.session.DropReason}, never thrown.
 *
 * <p>Threads: ice4j's one receive thread delivers every datagram: demultiplexing, SRTP, RTCP
 * bookkeeping and depacketizing all run there, and frames go to the listener from there, so neither
 * the session nor its listener may block it. The session's DTLS thread reports keys and closes. The
 * one {@code transport-timers-1} thread, shared by every session, runs each session's 20 ms tick
 * (NACKs, key-frame retries, transport-cc feedback every 50 ms, reports about once a second, the
 * silence check that fails a vanished browser) and trickles the server's candidates. Signalling
 * threads accept the offer and add candidates; the room's {@code downstream} sender threads send
 * frames, key-frame requests and REMB caps. Each stream guards its state with its own short lock,
 * and one lock per session covers SRTP protection, since an SRTP context protects one packet at a
 * time, together with the UDP send that follows it, which does not wait on the peer.
 */
package io.chorus.core.session;
