package io.chorus.core.dtls;

import io.chorus.core.srtp.SrtpProfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DtlsHandshakeResultTest {

    /** Byte i of the material is i, so every slice names its own offsets. */
    private static byte[] countingMaterial(SrtpProfile profile) {
        byte[] material = new byte[profile.keyingMaterialLength()];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) i;
        }
        return material;
    }

    private static byte[] range(int from, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (from + i);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void splitsKeyingMaterialAsRfc5764Section42(SrtpProfile profile) {
        int k = profile.masterKeyLength();
        int s = profile.masterSaltLength();
        DtlsHandshakeResult client = new DtlsHandshakeResult(DtlsRole.CLIENT, profile, countingMaterial(profile));
        DtlsHandshakeResult server = new DtlsHandshakeResult(DtlsRole.SERVER, profile, countingMaterial(profile));

        // client key | server key | client salt | server salt
        DtlsSrtpKeys clientKeys = client.srtpKeys();
        DtlsSrtpKeys serverKeys = server.srtpKeys();
        assertArrayEquals(range(0, k), clientKeys.local().key());
        assertArrayEquals(range(k, k), clientKeys.remote().key());
        assertArrayEquals(range(2 * k, s), clientKeys.local().salt());
        assertArrayEquals(range(2 * k + s, s), clientKeys.remote().salt());

        assertEquals(clientKeys.local(), serverKeys.remote());
        assertEquals(clientKeys.remote(), serverKeys.local());
        assertEquals(profile, serverKeys.profile());
        assertEquals(profile.dtlsProtectionProfileId(), server.profileId());
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
