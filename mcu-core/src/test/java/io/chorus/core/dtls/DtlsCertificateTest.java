package io.chorus.core.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.operator.bc.BcECContentVerifierProviderBuilder;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DtlsCertificateTest {
    private static final DtlsCertificate GENERATED = TransportPair.Certificates.SERVER;

    @TempDir
    Path dir;

    @Test
    void fingerprintIsSha256OfTheDerCertificateInSdpForm() throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(GENERATED.encoded());
        assertArrayEquals(expected, GENERATED.fingerprint().bytes());
        assertEquals("sha-256", GENERATED.fingerprint().hashFunction());
        assertTrue(GENERATED.fingerprintSdp().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), GENERATED.fingerprintSdp());
        assertEquals(64, GENERATED.fingerprint("sha-512").bytes().length);
    }

    @Test
    void generatedCertificateIsSelfSignedP256WithTheAgreedValidity() throws Exception {
        X509CertificateHolder holder = new X509CertificateHolder(GENERATED.encoded());
        assertEquals("CN=test-server", holder.getSubject().toString());
        assertEquals(holder.getSubject(), holder.getIssuer());
        assertTrue(holder.getSerialNumber().signum() > 0);
        SubjectPublicKeyInfo key = holder.getSubjectPublicKeyInfo();
        assertEquals(X9ObjectIdentifiers.id_ecPublicKey, key.getAlgorithm().getAlgorithm());
        assertEquals(SECObjectIdentifiers.secp256r1, key.getAlgorithm().getParameters());
        assertEquals(X9ObjectIdentifiers.ecdsa_with_SHA256, holder.getSignatureAlgorithm().getAlgorithm());
        assertTrue(holder.isSignatureValid(new BcECContentVerifierProviderBuilder(
                new DefaultDigestAlgorithmIdentifierFinder()).build(holder)));
        Instant now = Instant.now();
        assertTrue(holder.getNotBefore().toInstant().isBefore(now.minus(Duration.ofDays(29))));
        assertTrue(holder.getNotAfter().toInstant().isAfter(now.plus(Duration.ofDays(364))));
    }

    @Test
    void eachGenerationIsANewKeyAndSerial() throws Exception {
        DtlsCertificate other = TransportPair.Certificates.CLIENT;
        assertNotEquals(GENERATED.fingerprint(), other.fingerprint());
        BigInteger serial = new X509CertificateHolder(GENERATED.encoded()).getSerialNumber();
        assertNotEquals(serial, new X509CertificateHolder(other.encoded()).getSerialNumber());
    }

    @Test
    void pemRoundTripKeepsTheFingerprintAndTheKey() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        GENERATED.writePem(cert, key);
        assertTrue(Files.readString(cert).startsWith("-----BEGIN CERTIFICATE-----"));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
        if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(key));
        }

        DtlsCertificate loaded = DtlsCertificate.load(cert, key);
        assertEquals(GENERATED.fingerprint(), loaded.fingerprint());
        assertEquals(GENERATED.fingerprintSdp(), loaded.fingerprintSdp());
        assertEquals(GENERATED.privateKey().getD(), loaded.privateKey().getD());
    }

    @Test
    void writePemOverwritesExistingFiles() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        TransportPair.Certificates.CLIENT.writePem(cert, key);
        GENERATED.writePem(cert, key);
        assertEquals(GENERATED.fingerprint(), DtlsCertificate.load(cert, key).fingerprint());
    }

    @Test
    void loadsSec1EcPrivateKey() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path pkcs8 = dir.resolve("pkcs8.pem");
        GENERATED.writePem(cert, pkcs8);
        PrivateKeyInfo info = PrivateKeyInfoFactory.createPrivateKeyInfo(GENERATED.privateKey());
        Path sec1 = dir.resolve("sec1.pem");
        writePem(sec1, "EC PRIVATE KEY", info.parsePrivateKey().toASN1Primitive().getEncoded());
        assertEquals(GENERATED.fingerprint(), DtlsCertificate.load(cert, sec1).fingerprint());
    }

    @Test
    void refusesAKeyThatIsNotTheCertificates() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Path otherCert = dir.resolve("other-cert.pem");
        Path otherKey = dir.resolve("other-key.pem");
        GENERATED.writePem(cert, key);
        TransportPair.Certificates.CLIENT.writePem(otherCert, otherKey);
        IOException e = assertThrows(IOException.class, () -> DtlsCertificate.load(cert, otherKey));
        assertTrue(e.getMessage().contains("does not belong to the certificate"), e.getMessage());
    }

    @Test
    void refusesFilesWithTheWrongContent() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        GENERATED.writePem(cert, key);
        Path empty = Files.writeString(dir.resolve("empty.pem"), "no PEM here\n");

        assertTrue(assertThrows(IOException.class, () -> DtlsCertificate.load(empty, key)).getMessage()
                .contains("holds no PEM object"));
        assertTrue(assertThrows(IOException.class, () -> DtlsCertificate.load(key, key)).getMessage()
                .contains("expected a CERTIFICATE"));
        assertTrue(assertThrows(IOException.class, () -> DtlsCertificate.load(cert, cert)).getMessage()
                .contains("not an unencrypted PKCS#8 or SEC1 private key"));
        assertThrows(IOException.class, () -> DtlsCertificate.load(cert, dir.resolve("missing.pem")));
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        try (PemWriter writer = new PemWriter(Files.newBufferedWriter(file))) {
            writer.writeObject(new PemObject(type, der));
        }
    }
}
