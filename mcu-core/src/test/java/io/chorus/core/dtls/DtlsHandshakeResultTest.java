package io.chorus.core.dtls;

import io.chorus.core.srtp.SrtpProfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DtlsHandshakeResultTest {

    /** Distinct bytes, so keys cut for the wrong role or at the wrong offsets would differ. */
    private static byte[] countingMaterial(SrtpProfile profile) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) i;
        }
        return material;
    }

    @ParameterizedTest
    @EnumSource(DtlsRole.class)
    void srtpKeysSplitsItsMaterialByItsOwnRoleAndProfile(DtlsRole role) {
        SrtpProfile profile = SrtpProfile.SRTP_AEAD_AES_128_GCM;
        DtlsHandshakeResult result = new DtlsHandshakeResult(role, profile, countingMaterial(profile));

        assertEquals(DtlsSrtpKeys.fromKeyingMaterial(profile, countingMaterial(profile), role), result.srtpKeys());
        assertEquals(0x0007, result.profileId());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rejectsKeyingMaterialOfTheWrongLength(SrtpProfile profile) {
        byte[] shortMaterial = new byte[profile.keyingMaterialLength() - 1];
        assertThrows(IllegalArgumentException.class,
                () -> new DtlsHandshakeResult(DtlsRole.SERVER, profile, shortMaterial));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void copiesKeyingMaterialAndNeverPrintsIt(SrtpProfile profile) {
        byte[] material = countingMaterial(profile);
        DtlsHandshakeResult result = new DtlsHandshakeResult(DtlsRole.SERVER, profile, material);
        material[0] = 99;
        result.keyingMaterial()[1] = 99;
        assertArrayEquals(countingMaterial(profile), result.keyingMaterial());
        assertEquals(new DtlsHandshakeResult(DtlsRole.SERVER, profile, countingMaterial(profile)), result);
        assertEquals("DtlsHandshakeResult[role=SERVER, profile=" + profile + ", keyingMaterial="
                + profile.keyingMaterialLength() + " bytes]", result.toString());
    }
}
