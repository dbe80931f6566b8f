package nl.knooppunt.mappings;

import static nl.knooppunt.mappings.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.xml.XmlMessageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and invalid XML is refused with a contract violation that says what and where. */
class HostileXmlTest {
    private final XmlMessageCodec codec = new XmlMessageCodec();
    private final String saldoverzoek = TestFiles.golden("xml/Saldoverzoek.xml");

    @Test
    void externalEntityIsRefusedAndTheFileIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = saldoverzoek.replace("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>",
                        "<?xml version=\"1.0\"?>\n<!DOCTYPE Saldoverzoek [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>")
                .replace("<Straatnaam>Voorbeeldstraat</Straatnaam>", "<Straatnaam>&xxe;</Straatnaam>");

        assertThatThrownBy(() -> codec.read(utf8(xxe)))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("DOCTYPE is not allowed")
                .hasMessageNotContaining("TOP-SECRET")
                .satisfies(e -> assertThat(((ContractViolationException) e).line()).isEqualTo(2L));
    }

    @Test
    void entityExpansionBombIsRefused() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        bomb.append("]>\n<Saldoverzoek xmlns=\"urn:knooppunt:schuldregeling:v2\">&lol9;</Saldoverzoek>");

        assertThatThrownBy(() -> codec.read(utf8(bomb.toString())))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("DOCTYPE is not allowed");
    }

    @Test
    void externalDtdReferenceIsRefused() {
        String withDtd = saldoverzoek.replace("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE Saldoverzoek SYSTEM \"http://127.0.0.1:9/evil.dtd\">");

        assertThatThrownBy(() -> codec.read(utf8(withDtd)))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("DOCTYPE is not allowed");
    }

    @Test
    void undeclaredEntityReferenceWithoutDoctypeIsRefused() {
        String withEntity = saldoverzoek.replace("<Straatnaam>Voorbeeldstraat</Straatnaam>",
                "<Straatnaam>&xxe;</Straatnaam>");

        assertThatThrownBy(() -> codec.read(utf8(withEntity)))
                .isInstanceOf(ContractViolationException.class)
                .satisfies(e -> assertThat(((ContractViolationException) e).format()).isEqualTo(Format.XML));
    }

    @Test
    void oversizedMessageIsRefusedBeforeItIsRead() {
        XmlMessageCodec small = new XmlMessageCodec(MappingLimits.DEFAULT.withMaxMessageBytes(4096));
        String padded = saldoverzoek.replace("<Header>", "<!--" + "x".repeat(10_000) + "--><Header>");
        CountingStream input = new CountingStream(padded.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> small.read(input))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("larger than the limit of 4096 bytes");
        assertThat(input.served).isLessThan(padded.length());
    }

    @Test
    void oversizedMessageInsideABatchIsRefusedWithItsIndex() {
        XmlMessageCodec small = new XmlMessageCodec(MappingLimits.DEFAULT.withMaxMessageBytes(20_000));
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            messages.add(ExampleMessages.of(MessageType.SALDOVERZOEK));
        }
        String batch = TestFiles.write(codec, header(5), messages);
        int third = nthIndexOf(batch, "<Saldoverzoek>", 3);
        String oversized = batch.substring(0, third + "<Saldoverzoek>".length()) + "<!--" + "y".repeat(100_000) + "-->"
                + batch.substring(third + "<Saldoverzoek>".length());

        assertThatThrownBy(() -> TestFiles.readAll(small, oversized))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("a message is larger than the limit")
                .satisfies(e -> assertThat(((ContractViolationException) e).messageIndex()).isEqualTo(2));
    }

    @Test
    void schemaViolationNamesMessageIndexLineAndField() {
        List<Message> messages = List.of(ExampleMessages.of(MessageType.SALDOVERZOEK),
                ExampleMessages.of(MessageType.BETAALVOORSTEL), ExampleMessages.of(MessageType.SALDOVERZOEK));
        String batch = TestFiles.write(codec, header(3), messages);
        int secondBetaal = batch.indexOf("<Betaalvoorstel>");
        String broken = batch.substring(0, secondBetaal) + batch.substring(secondBetaal)
                .replaceFirst("<AfzenderOin>00000001001234567000</AfzenderOin>", "<AfzenderOin>12345</AfzenderOin>");

        assertThatThrownBy(() -> TestFiles.readAll(codec, broken))
                .isInstanceOfSatisfying(ContractViolationException.class, e -> {
                    assertThat(e.messageIndex()).isEqualTo(1);
                    assertThat(e.field()).isEqualTo("Betaalvoorstel.Header.AfzenderOin");
                    assertThat(e.line()).as("declaration, Batch, BatchHeader, message 0, message 1").isEqualTo(5L);
                    assertThat(e.reason()).contains("does not match the XSD").contains("OIN");
                });
    }

    @Test
    void ruleTheXsdCannotExpressIsCheckedWithTheReferentienummer() {
        // A Saldoverzoek opens a conversation: it answers nothing and carries no CrossReferentienummer.
        Message example = ExampleMessages.of(MessageType.SALDOVERZOEK);
        String withCross = saldoverzoek.replace("</ConversatieReferentienummer>",
                "</ConversatieReferentienummer>\n        <CrossReferentienummer>" + UUID.randomUUID()
                        + "</CrossReferentienummer>");

        assertThatThrownBy(() -> codec.read(utf8(withCross)))
                .isInstanceOfSatisfying(ContractViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("Saldoverzoek.Header.CrossReferentienummer");
                    assertThat(e.referentienummer()).isEqualTo(example.header().referentienummer());
                    assertThat(e.reason()).contains("must be absent");
                });
    }

    @Test
    void batchCountMustMatchItsHeader() {
        String batch = TestFiles.write(codec, header(1), List.of(ExampleMessages.of(MessageType.SALDOVERZOEK)));
        String lying = batch.replace("<Aantal>1</Aantal>", "<Aantal>2</Aantal>");

        assertThatThrownBy(() -> TestFiles.readAll(codec, lying))
                .isInstanceOfSatisfying(ContractViolationException.class,
                        e -> assertThat(e.reason()).contains("announces 2 messages but the batch holds 1"));
    }

    @Test
    void batchMessageForAnotherRecipientIsRefused() {
        Message other = ExampleMessages.of(MessageType.SALDOVERZOEK);
        Header h = other.header();
        Message misrouted = new Message(new Header(h.referentienummer(), h.conversatieReferentienummer(), null,
                h.versie(), h.berichttype(), h.afzenderOin(), "99999999999999999999", h.aangemaakt()), other.body());
        String written = TestFiles.write(codec, header(1), List.of(ExampleMessages.of(MessageType.SALDOVERZOEK)));
        int message = written.indexOf("<Saldoverzoek>");
        String batch = written.substring(0, message) + written.substring(message)
                .replace("<OntvangerOin>" + ExampleMessages.OIN_SE, "<OntvangerOin>99999999999999999999");

        assertThatThrownBy(() -> TestFiles.readAll(codec, batch))
                .isInstanceOfSatisfying(ContractViolationException.class, e -> {
                    assertThat(e.messageIndex()).isZero();
                    assertThat(e.referentienummer()).isEqualTo(misrouted.header().referentienummer());
                    assertThat(e.field()).isEqualTo("Saldoverzoek.Header.OntvangerOin");
                });
    }

    @Test
    void batchAnnouncingMoreMessagesThanTheLimitIsRefusedUpFront() {
        XmlMessageCodec limited = new XmlMessageCodec(MappingLimits.DEFAULT.withMaxMessagesPerBatch(10));
        String batch = TestFiles.write(codec, header(0), List.of()).replace("<Aantal>0</Aantal>", "<Aantal>11</Aantal>");

        assertThatThrownBy(() -> limited.openBatchReader(utf8(batch)))
                .isInstanceOfSatisfying(ContractViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("BatchHeader.Aantal"));
    }

    @Test
    void rootElementOutsideTheContractIsRefused() {
        assertThatThrownBy(() -> codec.read(utf8("<Saldoverzoek xmlns=\"urn:other\"/>")))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("is not a message of urn:knooppunt:schuldregeling:v2");
    }

    @Test
    void writtenXmlDeclaresTheVersionedNamespace() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(ExampleMessages.of(MessageType.STATUSVERZOEK), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("<Statusverzoek xmlns=\"" + Contract.NAMESPACE + "\">");
    }

    static BatchHeader header(int count) {
        return new BatchHeader(UUID.fromString("00000000-0000-4000-8000-00000000b001"), ExampleMessages.OIN_SE,
                OffsetDateTime.parse("2025-03-14T10:00:00+01:00"), count);
    }

    private static int nthIndexOf(String text, String part, int n) {
        int index = -1;
        for (int i = 0; i < n; i++) {
            index = text.indexOf(part, index + 1);
        }
        return index;
    }

    /** Serves bytes and remembers how many were asked for, to show a reader stopped early. */
    private static final class CountingStream extends InputStream {
        private final byte[] bytes;
        int served;

        CountingStream(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return served < bytes.length ? bytes[served++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (served >= bytes.length) {
                return -1;
            }
            int n = Math.min(length, bytes.length - served);
            System.arraycopy(bytes, served, buffer, offset, n);
            served += n;
            return n;
        }
    }
}
