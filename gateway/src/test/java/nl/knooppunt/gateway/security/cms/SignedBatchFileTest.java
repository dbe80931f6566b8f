package nl.knooppunt.gateway.security.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.knooppunt.mappings.BatchReader;
import nl.knooppunt.mappings.BatchWriter;
import nl.knooppunt.mappings.canonical.Adres;
import nl.knooppunt.mappings.canonical.Adressoort;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Contactpersoon;
import nl.knooppunt.mappings.canonical.GegevensKlant;
import nl.knooppunt.mappings.canonical.GegevensSHVOrganisatie;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.Persoon;
import nl.knooppunt.mappings.canonical.Saldoverzoek;
import nl.knooppunt.mappings.canonical.TypeSchuldregeling;
import nl.knooppunt.mappings.xml.XmlMessageCodec;
import org.junit.jupiter.api.Test;

/**
 * A batch file as it goes to a creditor over SFTP: the contract's XML batch, with a detached CMS
 * signature beside it. The creditor (and the gateway, for files coming in) verifies it; a single
 * changed byte, or a file signed by someone else, is rejected.
 */
class SignedBatchFileTest {

    static final String SHV_OIN = "00000001001000000001";

    private static byte[] batchFile(int messages) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        XmlMessageCodec xml = new XmlMessageCodec();
        try (BatchWriter writer = xml.openBatchWriter(new BatchHeader(UUID.randomUUID(), CmsTestPki.RSA_OIN,
                OffsetDateTime.now(ZoneOffset.UTC), messages), file)) {
            for (int i = 0; i < messages; i++) {
                writer.write(saldoverzoek(CmsTestPki.RSA_OIN));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return file.toByteArray();
    }

    private static Message saldoverzoek(String creditorOin) {
        return new Message(new Header(UUID.randomUUID(), UUID.randomUUID(), null, Header.CURRENT_VERSIE,
                MessageType.SALDOVERZOEK, SHV_OIN, creditorOin, OffsetDateTime.now(ZoneOffset.UTC)),
                new Saldoverzoek(new GegevensKlant("K-1", null, TypeSchuldregeling.SK,
                        new Persoon(null, "T.", null, null, "Testpersoon", LocalDate.of(1980, 2, 3)), null,
                        new Adres(Adressoort.WOONADRES, "Teststraat", 1, null, null, null, "1000AA", "Teststad", null, null)),
                        new GegevensSHVOrganisatie("Gemeente Voorbeeldstad", new Contactpersoon("Consulent", null, null)),
                        null, List.of("F-1")));
    }

    @Test
    void signedBatchFileVerifiesAndReadsBack() throws Exception {
        byte[] file = batchFile(3);
        byte[] p7s = new CmsSigner(CmsTestPki.rsa()).signDetached(new ByteArrayInputStream(file));

        VerifiedSignature signature = CmsTestPki.verifier().verifyDetached(new ByteArrayInputStream(file), p7s,
                CmsTestPki.RSA_OIN);

        assertThat(signature.signerOin()).isEqualTo(CmsTestPki.RSA_OIN);
        try (BatchReader reader = new XmlMessageCodec().openBatchReader(new ByteArrayInputStream(file))) {
            int count = 0;
            while (reader.hasNext()) {
                assertThat(reader.next().type()).isEqualTo(MessageType.SALDOVERZOEK);
                count++;
            }
            assertThat(count).isEqualTo(3);
        }
    }

    @Test
    void tamperedBatchFileIsRejected() throws Exception {
        byte[] file = batchFile(2);
        byte[] p7s = new CmsSigner(CmsTestPki.rsa()).signDetached(new ByteArrayInputStream(file));
        String text = new String(file, java.nio.charset.StandardCharsets.UTF_8);
        byte[] tampered = text.replaceFirst("Testpersoon", "Testpersoan").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(file).hasSameSizeAs(file);

        assertThatThrownBy(() -> CmsTestPki.verifier().verifyDetached(new ByteArrayInputStream(tampered), p7s))
                .isInstanceOf(SignatureRejectedException.class)
                .satisfies(e -> assertThat(((SignatureRejectedException) e).reason())
                        .isEqualTo(SignatureRejectedException.Reason.CONTENT_MISMATCH));
    }

    @Test
    void batchFileSignedByAnotherOrganisationIsRejected() throws Exception {
        byte[] file = batchFile(1);
        byte[] p7s = new CmsSigner(CmsTestPki.ec()).signDetached(new ByteArrayInputStream(file));

        assertThatThrownBy(() -> CmsTestPki.verifier().verifyDetached(new ByteArrayInputStream(file), p7s,
                CmsTestPki.RSA_OIN))
                .isInstanceOf(SignatureRejectedException.class)
                .satisfies(e -> assertThat(((SignatureRejectedException) e).reason())
                        .isEqualTo(SignatureRejectedException.Reason.WRONG_SIGNER));
    }
}
