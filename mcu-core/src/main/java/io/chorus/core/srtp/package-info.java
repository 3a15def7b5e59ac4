/**
 * SRTP and SRTCP (RFC 3711) for the two DTLS-SRTP protection profiles browsers offer:
 * SRTP_AES128_CM_HMAC_SHA1_80 and SRTP_AEAD_AES_128_GCM (RFC 7714).
 *
 * <p>Keys come from the DTLS exporter ({@code io.chorus.core.dtls.DtlsSrtpKeys} splits them by
 * role); {@link io.chorus.core.srtp.SrtpContext} does the per-packet work in place on the
 * caller's buffer.
 *
 * <p>The crypto goes through the JDK's JCE ({@code AES/CTR/NoPadding}, {@code AES/GCM/NoPadding},
 * {@code HmacSHA1}, and {@code AES/ECB/NoPadding} for key derivation) rather than Bouncy Castle's
 * lightweight API: the JDK provider's AES and GHASH are HotSpot intrinsics backed by AES-NI and
 * carry-less multiply, while Bouncy Castle's lightweight engines are plain Java, several times
 * slower on a path an MCU runs for every packet of every participant.
 * Cipher and Mac instances are created once per context and re-initialised per packet.
 *
 * <p>Not implemented because WebRTC does not use them: MKI, key derivation rates other than 0,
 * the 32-bit tag profile, AES-256 and encrypted header extensions (RFC 6904).
 */
package io.chorus.core.srtp;
