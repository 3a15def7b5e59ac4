package io.chorus.core.dtls;

import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.srtp.SrtpContext;
import io.chorus.core.srtp.SrtpException;
import io.chorus.core.srtp.SrtpMasterKey;
import io.chorus.core.srtp.SrtpProfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DtlsSrtpKeysTest {
    /**
     * Material bytes are numbered 0, 1, 2, ... so each slice shows where it came from:
     * client key | server key | client salt | server salt.
     */
    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "SRTP_AES128_CM_HMAC_SHA1_80, CLIENT, 0, 32, 16, 46",
            "SRTP_AES128_CM_HMAC_SHA1_80, SERVER, 16, 46, 0, 32",
            "SRTP_AEAD_AES_128_GCM, CLIENT, 0, 32, 16, 44",
            "SRTP_AEAD_AES_128_GCM, SERVER, 16, 44, 0, 32",
    })
    void splitsByRole(SrtpProfile profile, DtlsRole role, int localKeyAt, int localSaltAt, int remoteKeyAt,
            int remoteSaltAt) {
        DtlsSrtpKeys keys = DtlsSrtpKeys.fromKeyingMaterial(profile, numbered(profile.keyingMaterialLength()), role);

        assertEquals(profile, keys.profile());
        assertArrayEquals(numbered(localKeyAt, profile.masterKeyLength()), keys.local().key());
        assertArrayEquals(numbered(localSaltAt, profile.masterSaltLength()), keys.local().salt());
        assertArrayEquals(numbered(remoteKeyAt, profile.masterKeyLength()), keys.remote().key());
        assertArrayEquals(numbered(remoteSaltAt, profile.masterSaltLength()), keys.remote().salt());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void whatOneSideProtectsTheOtherUnprotects(SrtpProfile profile) throws SrtpException {
        byte[] material = numbered(profile.keyingMaterialLength());
        DtlsSrtpKeys client = DtlsSrtpKeys.fromKeyingMaterial(profile, material, DtlsRole.CLIENT);
        DtlsSrtpKeys server = DtlsSrtpKeys.fromKeyingMaterial(profile, material, DtlsRole.SERVER);
        byte[] plain = RtpPacket.create(96, 5, 0, 0x01020304L, false, new byte[20], 0, 20, 0).buffer();

        byte[] toServer = Arrays.copyOf(plain, plain.length + profile.rtpOverhead());
        int length = client.newProtectContext().protectRtp(toServer, 0, plain.length);
        assertEquals(plain.length, server.newUnprotectContext().unprotectRtp(toServer, 0, length));
        assertArrayEquals(plain, Arrays.copyOf(toServer, plain.length));

        byte[] toClient = Arrays.copyOf(plain, plain.length + profile.rtpOverhead());
        length = server.newProtectContext().protectRtp(toClient, 0, plain.length);
        SrtpContext clientItself = client.newProtectContext();
        int sent = length;
        assertEquals(SrtpException.Reason.AUTH_FAILED,
                assertThrows(SrtpException.class, () -> clientItself.unprotectRtp(toClient.clone(), 0, sent)).reason());
        assertEquals(plain.length, client.newUnprotectContext().unprotectRtp(toClient, 0, length));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rejectsMaterialOfTheWrongLength(SrtpProfile profile) {
        byte[] tooShort = new byte[profile.keyingMaterialLength() - 1];
        byte[] tooLong = new byte[profile.keyingMaterialLength() + 1];

        assertThrows(IllegalArgumentException.class,
                () -> DtlsSrtpKeys.fromKeyingMaterial(profile, tooShort, DtlsRole.CLIENT));
        assertThrows(IllegalArgumentException.class,
                () -> DtlsSrtpKeys.fromKeyingMaterial(profile, tooLong, DtlsRole.SERVER));
    }

    @Test
    void exportsWithTheRfc5764Label() {
        assertEquals("EXTRACTOR-dtls_srtp", DtlsSrtpKeys.EXPORTER_LABEL);
    }

    private static byte[] numbered(int length) {
        return numbered(0, length);
    }

    private static byte[] numbered(int from, int length) {
        byte[] out = new byte[length];
        IntStream.range(0, length).forEach(i -> out[i] = (byte) (from + i));
        return out;
    }
}
