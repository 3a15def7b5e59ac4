/**
 * mcu-core: one WebRTC participant's transport and media formats, with no room, mixer or signalling
 * in it. {@code session} ties the rest together; {@code net}, {@code ice}, {@code dtls} and
 * {@code srtp} carry and protect datagrams, {@code rtp}, {@code rtcp} and {@code feedback} handle
 * packets, {@code rtp.codec} turns packets into frames and back, {@code sdp} answers offers.
 *
 * <p>This package holds only {@link io.chorus.core.MalformedPacketException}, which every
 * wire-format parser below throws. It is checked so that the code on the packet path, which runs on
 * the shared port's one receive thread, has to catch it: one bad packet from one peer is counted
 * and dropped, and never ends that session or, by escaping onto the receive thread, every session
 * on the port.
 */
package io.chorus.core;
