package nl.knooppunt.gateway.security.cms;

import static nl.knooppunt.gateway.security.cms.DecryptionFailedException.Reason.CONTENT_CORRUPT;
import static nl.knooppunt.gateway.security.cms.DecryptionFailedException.Reason.KEY_UNWRAP_FAILED;
import static nl.knooppunt.gateway.security.cms.DecryptionFailedException.Reason.MALFORMED;
import static nl.knooppunt.gateway.security.cms.DecryptionFailedException.Reason.NOT_A_RECIPIENT;
import static nl.knooppunt.gateway.security.cms.DecryptionFailedException.Reason.UNSUPPORTED_ALGORITHM;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataParser;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;

/**
 * Decrypts CMS EnvelopedData addressed to one certificate, streaming. AES-CBC without a MAC does not
 * detect tampering (only a damaged last block shows), so decrypted output is trustworthy only once
 * the file's signature has verified: write it somewhere temporary, verify, then use it. Thread-safe.
 */
public final class CmsDecryptor {

    /** What creditors' tools produce by default; older ciphers (3DES, RC2) are refused. */
    private static final Set<ASN1ObjectIdentifier> CONTENT_ALGORITHMS =
            Set.of(CMSAlgorithm.AES128_CBC, CMSAlgorithm.AES192_CBC, CMSAlgorithm.AES256_CBC);

    private final PrivateKey privateKey;
    private final X509CertificateHolder certificate;
    private final Provider contentCipher = Providers.contentCipher();

    /** @param certificate the certificate the file was encrypted to; identifies this recipient in the file */
    public CmsDecryptor(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        try {
            this.certificate = new JcaX509CertificateHolder(Objects.requireNonNull(certificate, "certificate"));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("Cannot encode the recipient's certificate", e);
        }
    }

    public CmsDecryptor(CmsIdentity identity) {
        this(identity.privateKey(), identity.certificate());
    }

    /**
     * Decrypts {@code encrypted} into {@code plaintext}. Neither stream is closed; {@code encrypted} is
     * read through a buffer, so it may be consumed beyond the end of the CMS structure.
     *
     * @throws IOException                when reading {@code encrypted} or writing {@code plaintext} fails
     * @throws DecryptionFailedException when the data cannot be decrypted; discard what was written
     */
    public void decrypt(InputStream encrypted, OutputStream plaintext) throws IOException, DecryptionFailedException {
        SourceInputStream source = new SourceInputStream(Objects.requireNonNull(encrypted, "encrypted"));
        // Bouncy Castle's parser reads the BER headers in tiny reads; unbuffered, that is ten times slower.
        CMSEnvelopedDataParser parser = open(new BufferedInputStream(source, Streams.BUFFER_SIZE), source);
        ASN1ObjectIdentifier contentAlgorithm = parser.getContentEncryptionAlgorithm().getAlgorithm();
        if (!CONTENT_ALGORITHMS.contains(contentAlgorithm)) {
            throw new DecryptionFailedException(UNSUPPORTED_ALGORITHM,
                    "content encryption " + contentAlgorithm + " is not accepted; use AES-CBC", null);
        }
        RecipientInformation recipient = ourRecipientInfo(parser);
        CMSTypedStream content = contentStream(recipient, source);
        copy(content.getContentStream(), plaintext, source);
    }

    private static CMSEnvelopedDataParser open(InputStream buffered, SourceInputStream source)
            throws IOException, DecryptionFailedException {
        try {
            CheckedParser parser = new CheckedParser(buffered);
            if (!parser.isEnvelopedData()) {
                throw new DecryptionFailedException(MALFORMED, "the file is not CMS EnvelopedData", null);
            }
            return parser;
        } catch (IOException e) {
            if (source.failed()) {
                throw e;
            }
            throw malformed(e);
        } catch (CMSException | RuntimeException e) {
            if (source.failed() && e.getCause() instanceof IOException io) {
                throw io;
            }
            throw malformed(e);
        }
    }

    private RecipientInformation ourRecipientInfo(CMSEnvelopedDataParser parser) throws DecryptionFailedException {
        try {
            for (RecipientInformation candidate : parser.getRecipientInfos().getRecipients()) {
                if (candidate.getRID().match(certificate)) {
                    return candidate;
                }
            }
        } catch (RuntimeException e) {
            throw malformed(e);
        }
        throw new DecryptionFailedException(NOT_A_RECIPIENT, "the file is not encrypted to this certificate", null);
    }

    private CMSTypedStream contentStream(RecipientInformation recipient, SourceInputStream source)
            throws IOException, DecryptionFailedException {
        try {
            return recipient.getContentStream(recipientFor(recipient));
        } catch (IOException e) {
            if (source.failed()) {
                throw e;
            }
            throw new DecryptionFailedException(CONTENT_CORRUPT, "the encrypted content cannot be read", e);
        } catch (CMSException | RuntimeException e) {
            throw new DecryptionFailedException(KEY_UNWRAP_FAILED,
                    "the content key cannot be recovered with this private key", e);
        }
    }

    /** Bouncy Castle unwraps the content key (ECDH with a KDF is not in the JDK); the JDK decrypts the bulk. */
    private Recipient recipientFor(RecipientInformation recipient) throws DecryptionFailedException {
        if (recipient instanceof KeyTransRecipientInformation) {
            return new JceKeyTransEnvelopedRecipient(privateKey)
                    .setProvider(Providers.BOUNCY_CASTLE)
                    .setContentProvider(contentCipher);
        }
        if (recipient instanceof KeyAgreeRecipientInformation) {
            return new JceKeyAgreeEnvelopedRecipient(privateKey)
                    .setProvider(Providers.BOUNCY_CASTLE)
                    .setContentProvider(contentCipher);
        }
        throw new DecryptionFailedException(UNSUPPORTED_ALGORITHM,
                "only key transport (RSA) and key agreement (EC) recipients are supported", null);
    }

    private static void copy(InputStream decrypted, OutputStream plaintext, SourceInputStream source)
            throws IOException, DecryptionFailedException {
        byte[] buffer = new byte[Streams.BUFFER_SIZE];
        while (true) {
            int n;
            try {
                n = decrypted.read(buffer);
            } catch (IOException e) {
                if (source.failed()) {
                    throw e;
                }
                // Bad padding, or a cut-off or broken structure.
                throw new DecryptionFailedException(CONTENT_CORRUPT, "the encrypted content is damaged or incomplete", e);
            } catch (RuntimeException e) {
                throw new DecryptionFailedException(CONTENT_CORRUPT, "the encrypted content is damaged", e);
            }
            if (n < 0) {
                return;
            }
            plaintext.write(buffer, 0, n);
        }
    }

    private static DecryptionFailedException malformed(Exception cause) {
        return new DecryptionFailedException(MALFORMED, "the file is not a readable CMS EnvelopedData structure", cause);
    }

    /** Bouncy Castle's parser, plus the check it leaves out: that the ContentInfo holds EnvelopedData. */
    private static final class CheckedParser extends CMSEnvelopedDataParser {

        CheckedParser(InputStream in) throws CMSException, IOException {
            super(in);
        }

        boolean isEnvelopedData() {
            return CMSObjectIdentifiers.envelopedData.equals(_contentInfo.getContentType());
        }
    }
}
