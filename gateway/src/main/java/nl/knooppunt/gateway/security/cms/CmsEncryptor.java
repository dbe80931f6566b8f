package nl.knooppunt.gateway.security.cms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;

/**
 * Encrypts files of any size to one or more recipients' certificates as CMS EnvelopedData,
 * streaming: AES-256-CBC content encryption (see ADR 0301 for why not GCM), the content key sent
 * by RSA-OAEP (SHA-256) to RSA recipients and by ephemeral-static ECDH (SHA-256 KDF, AES-256 key
 * wrap) to EC recipients. Checking that the recipient's certificate is trusted and current is the
 * caller's business (it comes from the participant registry). Thread-safe.
 */
public final class CmsEncryptor {

    /** keyUsage bits: RSA recipients need keyEncipherment, EC recipients keyAgreement. */
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_AGREEMENT = 4;

    private final SecureRandom random;

    public CmsEncryptor() {
        this(new SecureRandom());
    }

    public CmsEncryptor(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Encrypts everything {@code plaintext} delivers to {@code recipient}; closes neither stream. */
    public void encrypt(InputStream plaintext, OutputStream encrypted, X509Certificate recipient) throws IOException {
        encrypt(plaintext, encrypted, List.of(recipient));
    }

    /**
     * Encrypts to several recipients at once, e.g. the creditor and the gateway's own archive
     * certificate; each can decrypt on its own. Closes neither stream.
     */
    public void encrypt(InputStream plaintext, OutputStream encrypted, Collection<X509Certificate> recipients)
            throws IOException {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("At least one recipient is needed");
        }
        CMSEnvelopedDataStreamGenerator generator = new CMSEnvelopedDataStreamGenerator();
        // Content goes out in BER chunks of this size; the default of 1000 bytes costs throughput.
        generator.setBufferSize(Streams.BUFFER_SIZE);
        for (X509Certificate recipient : recipients) {
            generator.addRecipientInfoGenerator(recipientInfo(recipient));
        }
        try (OutputStream encrypting = generator.open(new UnclosableOutputStream(encrypted), contentEncryptor())) {
            Streams.copy(plaintext, encrypting);
        } catch (CMSException e) {
            throw new IllegalStateException("Cannot start CMS encryption", e);
        }
    }

    private OutputEncryptor contentEncryptor() {
        try {
            // No provider set: the JCA default (the JDK's AES with AES-NI) does the bulk encryption.
            return new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).setSecureRandom(random).build();
        } catch (CMSException e) {
            throw new IllegalStateException("AES-256-CBC is not available", e);
        }
    }

    private RecipientInfoGenerator recipientInfo(X509Certificate recipient) {
        String keyAlgorithm = recipient.getPublicKey().getAlgorithm();
        try {
            if ("RSA".equals(keyAlgorithm)) {
                requireKeyUsage(recipient, KEY_ENCIPHERMENT, "key encipherment");
                return new JceKeyTransRecipientInfoGenerator(recipient, rsaOaepSha256())
                        .setProvider(Providers.BOUNCY_CASTLE);
            }
            if ("EC".equals(keyAlgorithm)) {
                requireKeyUsage(recipient, KEY_AGREEMENT, "key agreement");
                KeyPair ephemeral = ephemeralKeyPair((ECPublicKey) recipient.getPublicKey());
                return new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF,
                        ephemeral.getPrivate(), ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP)
                        .setProvider(Providers.BOUNCY_CASTLE)
                        .setSecureRandom(random)
                        .addRecipient(recipient);
            }
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("Cannot encode the recipient's certificate", e);
        }
        throw new IllegalArgumentException("Cannot encrypt to a " + keyAlgorithm + " key; RSA and EC are supported");
    }

    private static void requireKeyUsage(X509Certificate recipient, int bit, String name) {
        boolean[] usage = recipient.getKeyUsage();
        if (usage != null && !(usage.length > bit && usage[bit])) {
            throw new IllegalArgumentException("The recipient's certificate does not allow " + name + " (key usage)");
        }
    }

    private static AlgorithmIdentifier rsaOaepSha256() {
        try {
            return new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP,
                    new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-OAEP parameters cannot be encoded", e);
        }
    }

    /** A fresh key pair on the recipient's curve for every message (ephemeral-static ECDH, RFC 5753). */
    private KeyPair ephemeralKeyPair(ECPublicKey recipientKey) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Providers.BOUNCY_CASTLE);
            generator.initialize(recipientKey.getParams(), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot generate a key on the recipient's curve", e);
        }
    }
}
