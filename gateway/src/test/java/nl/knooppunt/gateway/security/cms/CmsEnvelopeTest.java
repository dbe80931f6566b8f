package nl.knooppunt.gateway.security.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import nl.knooppunt.gateway.security.cms.DecryptionFailedException.Reason;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.junit.jupiter.api.Test;

class CmsEnvelopeTest {

    /** Recognisable and longer than a few AES blocks, so a plaintext leak would show. */
    private static final byte[] FILE = ("<batch>" + "<claim debtor=\"J. Jansen\" amount=\"1234,56\"/>".repeat(50)
            + "</batch>\n").getBytes(StandardCharsets.UTF_8);

    private final CmsEncryptor encryptor = new CmsEncryptor();

    @Test
    void rsaRecipientRoundTripWithOaepSha256AndAes256() throws Exception {
        CmsIdentity rsa = CmsTestPki.rsa();
        byte[] encrypted = encrypt(FILE, rsa);

        assertThat(decrypt(encrypted, rsa)).isEqualTo(FILE);
        CMSEnvelopedData parsed = new CMSEnvelopedData(encrypted);
        assertThat(parsed.getEncryptionAlgOID()).isEqualTo(CMSAlgorithm.AES256_CBC.getId());
        RecipientInformation recipient = onlyRecipient(parsed);
        assertThat(recipient).isInstanceOf(KeyTransRecipientInformation.class);
        assertThat(recipient.getKeyEncryptionAlgOID()).isEqualTo(PKCSObjectIdentifiers.id_RSAES_OAEP.getId());
        RSAESOAEPparams oaep = RSAESOAEPparams.getInstance(recipient.getKeyEncryptionAlgorithm().getParameters());
        assertThat(oaep.getHashAlgorithm().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha256);
    }

    @Test
    void ecRecipientRoundTripWithEcdhSha256KdfAndAesKeyWrap() throws Exception {
        CmsIdentity ec = CmsTestPki.ec();
        byte[] encrypted = encrypt(FILE, ec);

        assertThat(decrypt(encrypted, ec)).isEqualTo(FILE);
        CMSEnvelopedData parsed = new CMSEnvelopedData(encrypted);
        assertThat(parsed.getEncryptionAlgOID()).isEqualTo(CMSAlgorithm.AES256_CBC.getId());
        RecipientInformation recipient = onlyRecipient(parsed);
        assertThat(recipient).isInstanceOf(KeyAgreeRecipientInformation.class);
        assertThat(recipient.getKeyEncryptionAlgOID()).isEqualTo(CMSAlgorithm.ECDH_SHA256KDF.getId());
    }

    @Test
    void theSameFileEncryptsDifferentlyEachTimeAndNeverInTheClear() throws Exception {
        CmsIdentity ec = CmsTestPki.ec();
        byte[] first = encrypt(FILE, ec);
        byte[] second = encrypt(FILE, ec);

        assertThat(first).isNotEqualTo(second);
        String asText = new String(first, StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain("Jansen").doesNotContain("1234,56").doesNotContain("<batch>");
        assertThat(Bytes.indexOf(first, Arrays.copyOfRange(FILE, 100, 116))).isNegative();
    }

    @Test
    void everyRecipientOfAMultiRecipientFileCanDecrypt() throws Exception {
        CmsIdentity rsa = CmsTestPki.rsa();
        CmsIdentity ec = CmsTestPki.ec();
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        encryptor.encrypt(new ByteArrayInputStream(FILE), encrypted, List.of(rsa.certificate(), ec.certificate()));

        assertThat(decrypt(encrypted.toByteArray(), rsa)).isEqualTo(FILE);
        assertThat(decrypt(encrypted.toByteArray(), ec)).isEqualTo(FILE);
    }

    @Test
    void emptyFileRoundTrips() throws Exception {
        CmsIdentity rsa = CmsTestPki.rsa();

        assertThat(decrypt(encrypt(new byte[0], rsa), rsa)).isEmpty();
    }

    @Test
    void theCallersStreamsAreLeftOpen() throws Exception {
        CmsIdentity ec = CmsTestPki.ec();
        CloseRecorder encrypted = new CloseRecorder();
        encryptor.encrypt(new ByteArrayInputStream(FILE), encrypted, ec.certificate());
        CloseRecorder decrypted = new CloseRecorder();
        ByteArrayInputStream source = new ByteArrayInputStream(encrypted.toByteArray()) {
            @Override
            public void close() {
                throw new AssertionError("the decryptor closed its input");
            }
        };

        new CmsDecryptor(ec).decrypt(source, decrypted);

        assertThat(encrypted.closed).isFalse();
        assertThat(decrypted.closed).isFalse();
        assertThat(decrypted.toByteArray()).isEqualTo(FILE);
    }

    @Test
    void anotherRecipientCannotDecrypt() throws Exception {
        byte[] toRsa = encrypt(FILE, CmsTestPki.rsa());

        assertFails(() -> decrypt(toRsa, CmsTestPki.ec()), Reason.NOT_A_RECIPIENT);
    }

    @Test
    void theRightCertificateWithTheWrongPrivateKeyCannotDecrypt() throws Exception {
        CmsIdentity rsa = CmsTestPki.rsa();
        CmsIdentity ec = CmsTestPki.ec();
        KeyPair otherRsa = TinyPki.rsaKeyPair();
        KeyPair otherEc = TinyPki.ecKeyPair();
        byte[] toRsa = encrypt(FILE, rsa);
        byte[] toEc = encrypt(FILE, ec);

        assertFails(() -> decrypt(toRsa, new CmsDecryptor(otherRsa.getPrivate(), rsa.certificate())),
                Reason.KEY_UNWRAP_FAILED);
        assertFails(() -> decrypt(toEc, new CmsDecryptor(otherEc.getPrivate(), ec.certificate())),
                Reason.KEY_UNWRAP_FAILED);
    }

    @Test
    void garbageOrASignatureIsNotEnvelopedData() throws Exception {
        byte[] signature = new CmsSigner(CmsTestPki.rsa()).signDetached(new ByteArrayInputStream(FILE));

        assertFails(() -> decrypt("not CMS at all".getBytes(StandardCharsets.US_ASCII), CmsTestPki.rsa()),
                Reason.MALFORMED);
        assertFails(() -> decrypt(new byte[0], CmsTestPki.rsa()), Reason.MALFORMED);
        assertFails(() -> decrypt(signature, CmsTestPki.rsa()), Reason.MALFORMED);
    }

    @Test
    void aCutOffFileIsCorrupt() throws Exception {
        CmsIdentity rsa = CmsTestPki.rsa();
        byte[] encrypted = encrypt(FILE, rsa);

        byte[] cutInTheContent = Arrays.copyOf(encrypted, encrypted.length - 40);

        assertFails(() -> decrypt(cutInTheContent, rsa), Reason.CONTENT_CORRUPT);
    }

    @Test
    void aDamagedLastBlockIsCorrupt() throws Exception {
        CmsIdentity ec = CmsTestPki.ec();
        byte[] encrypted = encrypt(FILE, ec);
        // Without a MAC only the last block, which holds the padding, reveals damage.
        int lastBlock = Bytes.indexOf(encrypted, lastCipherBlock(encrypted));
        encrypted[lastBlock + 3] ^= 0x40;

        assertFails(() -> decrypt(encrypted, ec), Reason.CONTENT_CORRUPT);
    }

    @Test
    void oldContentCiphersAreRefused() throws Exception {
        CmsIdentity rsa = CmsTestPki.rsa();
        CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
        generator.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(rsa.certificate()));
        byte[] tripleDes = generator.generate(new CMSProcessableByteArray(FILE),
                new JceCMSContentEncryptorBuilder(CMSAlgorithm.DES_EDE3_CBC).build()).getEncoded();

        assertFails(() -> decrypt(tripleDes, rsa), Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void aFailingSourceStaysAnIoErrorAndIsNotCalledCorrupt() throws Exception {
        CmsIdentity rsa = CmsTestPki.rsa();
        InputStream failsHalfway = new FailingInputStream(encrypt(FILE, rsa), FILE.length / 2);

        assertThatThrownBy(() -> new CmsDecryptor(rsa).decrypt(failsHalfway, new ByteArrayOutputStream()))
                .isInstanceOf(IOException.class)
                .hasMessage("connection reset");
    }

    @Test
    void aRecipientCertificateWithoutEncryptionKeyUsageIsRefused() throws Exception {
        CmsIdentity signingOnly = new TinyPki().issue("CN=Signing Only", KeyUsage.digitalSignature);

        assertThatThrownBy(() -> encrypt(FILE, signingOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key agreement");
    }

    /** The intended use: sign the file, encrypt it; the receiver decrypts, then verifies before use. */
    @Test
    void signThenEncryptThenDecryptThenVerify() throws Exception {
        CmsIdentity sender = CmsTestPki.ec();
        CmsIdentity receiver = CmsTestPki.rsa();
        byte[] p7s = new CmsSigner(sender).signDetached(new ByteArrayInputStream(FILE));
        byte[] encrypted = encrypt(FILE, receiver);

        byte[] decrypted = decrypt(encrypted, receiver);

        assertThat(CmsTestPki.verifier().verifyDetached(new ByteArrayInputStream(decrypted), p7s, CmsTestPki.EC_OIN)
                .signerOin()).isEqualTo(CmsTestPki.EC_OIN);
    }

    private static final class CloseRecorder extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    private byte[] encrypt(byte[] plaintext, CmsIdentity recipient) throws IOException {
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        encryptor.encrypt(new ByteArrayInputStream(plaintext), encrypted, recipient.certificate());
        return encrypted.toByteArray();
    }

    private static byte[] decrypt(byte[] encrypted, CmsIdentity recipient) throws Exception {
        return decrypt(encrypted, new CmsDecryptor(recipient));
    }

    private static byte[] decrypt(byte[] encrypted, CmsDecryptor decryptor) throws Exception {
        ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
        decryptor.decrypt(new ByteArrayInputStream(encrypted), plaintext);
        return plaintext.toByteArray();
    }

    private static RecipientInformation onlyRecipient(CMSEnvelopedData parsed) {
        assertThat(parsed.getRecipientInfos().size()).isEqualTo(1);
        return parsed.getRecipientInfos().getRecipients().iterator().next();
    }

    /** The final 16 bytes of the encrypted content, as they appear in the file. */
    private static byte[] lastCipherBlock(byte[] encrypted) throws Exception {
        byte[] octets = EnvelopedData.getInstance(ContentInfo.getInstance(ASN1Primitive.fromByteArray(encrypted))
                .getContent()).getEncryptedContentInfo().getEncryptedContent().getOctets();
        return Arrays.copyOfRange(octets, octets.length - 16, octets.length);
    }

    private static void assertFails(ThrowingCallable decryption, Reason reason) {
        assertThatThrownBy(decryption).isInstanceOfSatisfying(DecryptionFailedException.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }
}
