package io.chorus.core.dtls;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our DTLS identity: an ECDSA certificate and its private key. WebRTC pins certificates by the SDP
 * fingerprint instead of a CA chain (RFC 8827 6.5), so a self-signed one generated at start-up is the
 * norm; one whose fingerprint must stay stable across restarts can be loaded from PEM files instead.
 * Only EC keys are accepted because the handshake offers ECDHE_ECDSA cipher suites only.
 */
public final class DtlsCertificate {
    private static final Logger LOG = LoggerFactory.getLogger(DtlsCertificate.class);

    private static final String DEFAULT_COMMON_NAME = "chorus";
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    /** Back-dated so that a peer whose clock runs behind still sees a valid certificate. */
    private static final Duration VALID_BEFORE_NOW = Duration.ofDays(30);
    private static final Duration VALID_AFTER_NOW = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509CertificateHolder certificate;
    private final byte[] encoded;
    private final ECPrivateKeyParameters privateKey;
    private final CertificateFingerprint fingerprint;

    private DtlsCertificate(X509CertificateHolder certificate, ECPrivateKeyParameters privateKey) throws IOException {
        this.certificate = certificate;
        this.encoded = certificate.getEncoded();
        this.privateKey = privateKey;
        this.fingerprint = CertificateFingerprint.compute("sha-256", encoded);
    }

    /** A fresh self-signed P-256 certificate with CN=chorus. */
    public static DtlsCertificate generate() {
        return generate(DEFAULT_COMMON_NAME);
    }

    /** A fresh self-signed P-256 certificate with the given common name and a random serial number. */
    public static DtlsCertificate generate(String commonName) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(ECNamedDomainParameters.lookup(SECObjectIdentifiers.secp256r1),
                RANDOM));
        AsymmetricCipherKeyPair keyPair = generator.generateKeyPair();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        Instant now = Instant.now();
        // Positive and non-zero as RFC 5280 4.1.2.2 requires, and well under its 20-octet limit.
        BigInteger serial = new BigInteger(63, RANDOM).add(BigInteger.ONE);
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, serial,
                    Date.from(now.minus(VALID_BEFORE_NOW)), Date.from(now.plus(VALID_AFTER_NOW)), name,
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(keyPair.getPublic()));
            AlgorithmIdentifier signatureAlgorithm = new DefaultSignatureAlgorithmIdentifierFinder()
                    .find(SIGNATURE_ALGORITHM);
            AlgorithmIdentifier digestAlgorithm = new DefaultDigestAlgorithmIdentifierFinder()
                    .find(signatureAlgorithm);
            X509CertificateHolder certificate = builder.build(
                    new BcECContentSignerBuilder(signatureAlgorithm, digestAlgorithm).build(keyPair.getPrivate()));
            return new DtlsCertificate(certificate, (ECPrivateKeyParameters) keyPair.getPrivate());
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot build a self-signed certificate", e);
        }
    }

    /**
     * Loads a PEM certificate and its PEM private key: PKCS#8 ("PRIVATE KEY"), or SEC1 ("EC PRIVATE
     * KEY") as openssl ecparam writes it. Encrypted keys are refused.
     *
     * @throws IOException if a file cannot be read, holds something else, or the key is not the
     *                     certificate's
     */
    public static DtlsCertificate load(Path certificatePem, Path privateKeyPem) throws IOException {
        X509CertificateHolder certificate = readPem(certificatePem, X509CertificateHolder.class, "a CERTIFICATE");
        Object keyObject = readPem(privateKeyPem, Object.class, "a private key");
        PrivateKeyInfo keyInfo;
        if (keyObject instanceof PrivateKeyInfo info) {
            keyInfo = info;
        } else if (keyObject instanceof PEMKeyPair pair) {
            keyInfo = pair.getPrivateKeyInfo();
        } else {
            throw new IOException(privateKeyPem + " holds " + keyObject.getClass().getSimpleName()
                    + ", not an unencrypted PKCS#8 or SEC1 private key");
        }
        AsymmetricKeyParameter key = PrivateKeyFactory.createKey(keyInfo);
        if (!(key instanceof ECPrivateKeyParameters ecKey)) {
            throw new IOException(privateKeyPem + " is not an EC private key; DTLS here uses ECDSA only");
        }
        AsymmetricKeyParameter publicKey = PublicKeyFactory.createKey(certificate.getSubjectPublicKeyInfo());
        if (!(publicKey instanceof ECPublicKeyParameters ecPublic) || !isKeyPair(ecKey, ecPublic)) {
            throw new IOException("the private key in " + privateKeyPem + " does not belong to the certificate in "
                    + certificatePem);
        }
        if (certificate.getNotAfter().toInstant().isBefore(Instant.now())) {
            LOG.warn("DTLS certificate {} expired on {}; browsers pin it by fingerprint, but consider renewing it",
                    certificatePem, certificate.getNotAfter().toInstant());
        }
        return new DtlsCertificate(certificate, ecKey);
    }

    /** Writes the certificate and a PKCS#8 key (owner-only permissions where the file system has them). */
    public void writePem(Path certificatePem, Path privateKeyPem) throws IOException {
        writePemObject(certificatePem, new PemObject("CERTIFICATE", encoded));
        Files.deleteIfExists(privateKeyPem);
        try {
            Files.createFile(privateKeyPem,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(privateKeyPem);
        }
        writePemObject(privateKeyPem,
                new PemObject("PRIVATE KEY", PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded()));
    }

    /** SHA-256 fingerprint, the one we announce in SDP. */
    public CertificateFingerprint fingerprint() {
        return fingerprint;
    }

    /** The SHA-256 fingerprint in SDP form, "AB:CD:...". */
    public String fingerprintSdp() {
        return fingerprint.sdpValue();
    }

    /** Fingerprint under another hash function, e.g. to match what a peer's SDP uses. */
    public CertificateFingerprint fingerprint(String hashFunction) {
        return CertificateFingerprint.compute(hashFunction, encoded);
    }

    byte[] encoded() {
        return encoded.clone();
    }

    ECPrivateKeyParameters privateKey() {
        return privateKey;
    }

    /** The public point must be d*G on the same curve; otherwise every handshake would fail later. */
    private static boolean isKeyPair(ECPrivateKeyParameters privateKey, ECPublicKeyParameters publicKey) {
        if (!privateKey.getParameters().equals(publicKey.getParameters())) {
            return false;
        }
        return new FixedPointCombMultiplier().multiply(privateKey.getParameters().getG(), privateKey.getD())
                .normalize().equals(publicKey.getQ().normalize());
    }

    private static <T> T readPem(Path file, Class<T> type, String what) throws IOException {
        Object object;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            object = parser.readObject();
        }
        if (object == null) {
            throw new IOException(file + " holds no PEM object; expected " + what);
        }
        if (!type.isInstance(object)) {
            throw new IOException(file + " holds " + object.getClass().getSimpleName() + "; expected " + what);
        }
        return type.cast(object);
    }

    private static void writePemObject(Path file, PemObject object) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             PemWriter pem = new PemWriter(writer)) {
            pem.writeObject(object);
        }
    }
}
