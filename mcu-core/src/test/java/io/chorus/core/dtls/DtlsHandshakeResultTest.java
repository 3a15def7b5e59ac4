package io.chorus.core.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DtlsHandshakeResultTest {

    /** Byte i of the material is i, so every slice names its own offsets. */
    private static byte[] countingMaterial(DtlsSrtpProfile profile) {
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
    @EnumSource(DtlsSrtpProfile.class)
    void splitsKeyingMaterialAsRfc5764Section42(DtlsSrtpProfile profile) {
        int k = profile.masterKeyLength();
        int s = profile.masterSaltLength();
        DtlsHandshakeResult client = new DtlsHandshakeResult(DtlsRole.CLIENT, profile, countingMaterial(profile));
        DtlsHandshakeResult server = new DtlsHandshakeResult(DtlsRole.SERVER, profile, countingMaterial(profile));

        // client key | server key | client salt | server salt
        assertArrayEquals(range(0, k), client.localMasterKey());
        assertArrayEquals(range(k, k), client.remoteMasterKey());
        assertArrayEquals(range(2 * k, s), client.localMasterSalt());
        assertArrayEquals(range(2 * k + s, s), client.remoteMasterSalt());

        assertArrayEquals(client.localMasterKey(), server.remoteMasterKey());
        assertArrayEquals(client.remoteMasterKey(), server.localMasterKey());
        assertArrayEquals(client.localMasterSalt(), server.remoteMasterSalt());
        assertArrayEquals(client.remoteMasterSalt(), server.localMasterSalt());
        assertEquals(profile.id(), server.profileId());
    }

    @ParameterizedTest
    @EnumSource(DtlsSrtpProfile.class)
    void rejectsKeyingMaterialOfTheWrongLength(DtlsSrtpProfile profile) {
        byte[] shortMaterial = new byte[profile.keyingMaterialLength() - 1];
        assertThrows(IllegalArgumentException.class,
                () -> new DtlsHandshakeResult(DtlsRole.SERVER, profile, shortMaterial));
    }

    @ParameterizedTest
    @EnumSource(DtlsSrtpProfile.class)
    void copiesKeyingMaterialAndNeverPrintsIt(DtlsSrtpProfile profile) {
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
