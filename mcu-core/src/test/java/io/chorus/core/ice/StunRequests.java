package io.chorus.core.ice;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds ICE connectivity checks (RFC 8445 7.2.2) the way a browser does, for tests. */
final class StunRequests {
    private StunRequests() {
    }

    /**
     * A Binding Request from a controlling agent: USERNAME, PRIORITY, ICE-CONTROLLING, then
     * MESSAGE-INTEGRITY with {@code password} (none when null) and FINGERPRINT.
     */
    static byte[] binding(String username, String password) throws Exception {
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(512);
        b.putShort((short) 0x0001).putShort((short) 0).putInt(0x2112A442);
        byte[] transaction = new byte[12];
        ThreadLocalRandom.current().nextBytes(transaction);
        b.put(transaction);
        attribute(b, 0x0006, user);
        attribute(b, 0x0024, ByteBuffer.allocate(4).putInt(0x6E7F1EFF).array());
        attribute(b, 0x802A, ByteBuffer.allocate(8).putLong(ThreadLocalRandom.current().nextLong()).array());
        if (password != null) {
            b.putShort(2, (short) (b.position() - 20 + 24));
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            mac.update(b.array(), 0, b.position());
            attribute(b, 0x0008, mac.doFinal());
        }
        b.putShort(2, (short) (b.position() - 20 + 8));
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        attribute(b, 0x8028, ByteBuffer.allocate(4).putInt((int) crc.getValue() ^ 0x5354554E).array());
        byte[] message = new byte[b.position()];
        System.arraycopy(b.array(), 0, message, 0, message.length);
        return message;
    }

    private static void attribute(ByteBuffer b, int type, byte[] value) {
        b.putShort((short) type).putShort((short) value.length).put(value);
        while (b.position() % 4 != 0) {
            b.put((byte) 0);
        }
    }
}
