package nl.knooppunt.gateway.security.cms;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A one-level CA made in the test, for certificates the dev PKI deliberately never issues: without
 * an OIN, without signing key usage, or two certificates for one key.
 */
final class TinyPki {

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private final KeyPair rootKey;
    private final X509Certificate root;
    private final X509CRL crl;
    private final Instant now = Instant.now();

    TinyPki() throws Exception {
        rootKey = rsaKeyPair();
        X500Name name = new X500Name("CN=Tiny Test Root,O=Knooppunt tests");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), name,
                rootKey.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        root = new JcaX509CertificateConverter().getCertificate(builder.build(rootSigner()));
        JcaX509v2CRLBuilder crlBuilder = new JcaX509v2CRLBuilder(root, Date.from(now.minus(Duration.ofHours(1))));
        crlBuilder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
        crl = new JcaX509CRLConverter().getCRL(crlBuilder.build(rootSigner()));
    }

    /** An EC end entity with its own fresh key. */
    CmsIdentity issue(String subject, int keyUsage) throws Exception {
        return issue(subject, keyUsage, ecKeyPair());
    }

    CmsIdentity issue(String subject, int keyUsage, KeyPair key) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root, serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(10))),
                new X500Name(subject), key.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(rootSigner()));
        return new CmsIdentity(key.getPrivate(), List.of(certificate, root));
    }

    KeyStore trustStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("tiny-root", root);
        return store;
    }

    X509CRL crl() {
        return crl;
    }

    static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static KeyPair rsaKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private ContentSigner rootSigner() throws Exception {
        return new JcaContentSignerBuilder("SHA256withRSA").build(rootKey.getPrivate());
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }
}
