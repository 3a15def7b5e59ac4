package io.chorus.core.dtls;

import io.chorus.core.srtp.SrtpProfile;

import java.util.Arrays;
import java.util.List;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.UseSRTPData;

/**
 * The {@code use_srtp} extension exchange of RFC 5764 4.1: the client lists profiles, the server
 * answers with exactly one of them. We never use an MKI: WebRTC does not rekey SRTP in-band, and
 * RFC 5764 4.1.1 lets a server answer with an empty MKI whatever the client offered.
 * <p>
 * RFC 5764 lets a server that finds no common profile go on without SRTP; WebRTC has no use for
 * such a connection (RFC 8827 6.5), so both sides abort the handshake instead.
 */
final class UseSrtpNegotiation {
    private static final byte[] NO_MKI = new byte[0];

    private UseSrtpNegotiation() {
    }

    /** The client's extension: every profile we accept, in order of preference. */
    static UseSRTPData offer(List<SrtpProfile> profiles) {
        return new UseSRTPData(profiles.stream().mapToInt(SrtpProfile::dtlsProtectionProfileId).toArray(), NO_MKI);
    }

    /** Server side: our most preferred profile among those the client offered. */
    static SrtpProfile select(UseSRTPData clientOffer, List<SrtpProfile> preference) throws TlsFatalAlert {
        if (clientOffer == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure,
                    "client did not offer use_srtp; WebRTC media needs DTLS-SRTP");
        }
        int[] offered = clientOffer.getProtectionProfiles();
        for (SrtpProfile profile : preference) {
            if (Arrays.stream(offered).anyMatch(id -> id == profile.dtlsProtectionProfileId())) {
                return profile;
            }
        }
        throw new TlsFatalAlert(AlertDescription.handshake_failure, "no common SRTP profile: client offered "
                + describe(offered) + ", we support " + preference);
    }

    /** The server's extension: the one profile chosen, no MKI. */
    static UseSRTPData answer(SrtpProfile selected) {
        return new UseSRTPData(new int[] {selected.dtlsProtectionProfileId()}, NO_MKI);
    }

    /** Client side: the server must pick exactly one profile we offered and no MKI (RFC 5764 4.1.1). */
    static SrtpProfile acceptAnswer(UseSRTPData serverAnswer, List<SrtpProfile> offered)
            throws TlsFatalAlert {
        if (serverAnswer == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure,
                    "server did not answer use_srtp; WebRTC media needs DTLS-SRTP");
        }
        int[] chosen = serverAnswer.getProtectionProfiles();
        if (chosen.length != 1) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter,
                    "server must choose exactly one SRTP profile, chose " + describe(chosen));
        }
        if (serverAnswer.getMki().length != 0) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter,
                    "server chose an SRTP MKI although we offered none");
        }
        for (SrtpProfile profile : offered) {
            if (profile.dtlsProtectionProfileId() == chosen[0]) {
                return profile;
            }
        }
        throw new TlsFatalAlert(AlertDescription.illegal_parameter,
                "server chose SRTP profile " + describe(chosen) + ", which we did not offer");
    }

    private static String describe(int[] ids) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < ids.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(String.format("0x%04X", ids[i]));
        }
        return out.append(']').toString();
    }
}
