package nl.knooppunt.mappings;

import static nl.knooppunt.mappings.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.json.JsonMessageCodec;
import org.junit.jupiter.api.Test;

/** JSON input is read strictly: anything the schema does not allow is a violation naming the field. */
class StrictJsonTest {
    private final JsonMessageCodec codec = new JsonMessageCodec();
    private final String saldoverzoek = TestFiles.golden("json/Saldoverzoek.json");
    private final String betaalvoorstel = TestFiles.golden("json/Betaalvoorstel.json");

    @Test
    void unknownFieldIsRefusedWithItsPath() {
        String json = saldoverzoek.replace("\"achternaam\" : \"Voorbeeld\",", "\"achternaam\" : \"Voorbeeld\", \"bijnaam\" : \"x\",");
        assertViolation(json, "saldoverzoek.gegevensKlant.klant.bijnaam", "unknown field 'bijnaam'");
    }

    @Test
    void numberWhereTextBelongsIsRefused() {
        assertViolation(saldoverzoek.replace("\"SHV-K-0042\"", "42"), "saldoverzoek.gegevensKlant.klantnummerSHV",
                "wrong JSON type");
    }

    @Test
    void textWhereANumberBelongsIsRefused() {
        assertViolation(betaalvoorstel.replace("\"looptijdMaanden\" : 18", "\"looptijdMaanden\" : \"18\""),
                "betaalvoorstel.looptijdMaanden", "wrong JSON type");
    }

    @Test
    void fractionWhereAWholeNumberBelongsIsRefused() {
        assertViolation(betaalvoorstel.replace("\"looptijdMaanden\" : 18", "\"looptijdMaanden\" : 18.5"),
                "betaalvoorstel.looptijdMaanden", "");
    }

    @Test
    void amountWithThreeDecimalsIsRefused() {
        assertViolation(betaalvoorstel.replace("\"afloscapaciteitPerMaand\" : 212.50", "\"afloscapaciteitPerMaand\" : 212.505"),
                "betaalvoorstel.afloscapaciteitPerMaand", "more than 2 decimals");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        String json = saldoverzoek.replace("\"achternaam\" : \"Voorbeeld\",", "");
        assertViolation(json, "saldoverzoek.gegevensKlant.klant.achternaam", "is required");
    }

    @Test
    void unknownCodeIsRefusedListingTheAllowedOnes() {
        assertViolation(saldoverzoek.replace("\"typeSchuldregeling\" : \"SB\"", "\"typeSchuldregeling\" : \"XX\""),
                "saldoverzoek.gegevensKlant.typeSchuldregeling", "SB, SK, SA");
    }

    @Test
    void dateInAnotherFormatIsRefused() {
        assertViolation(saldoverzoek.replace("\"1985-07-21\"", "\"21-07-1985\""),
                "saldoverzoek.gegevensKlant.klant.geboortedatum", "expected a date yyyy-mm-dd");
    }

    @Test
    void emptyStringIsNotAnAbsentValue() {
        assertViolation(saldoverzoek.replace("\"voorvoegsel\" : \"de\"", "\"voorvoegsel\" : \"\""),
                "saldoverzoek.gegevensKlant.klant.voorvoegsel", "must not be empty");
    }

    @Test
    void duplicateKeyIsRefused() {
        assertViolation(saldoverzoek.replace("\"versie\" : \"2.0\",", "\"versie\" : \"2.0\", \"versie\" : \"2.1\","),
                null, "Duplicate field 'versie'");
    }

    @Test
    void bodyMustMatchTheBerichttype() {
        assertViolation(saldoverzoek.replace("\"berichttype\" : \"Saldoverzoek\"", "\"berichttype\" : \"Kennisgeving\""),
                "header.berichttype", "body is a Saldoverzoek");
    }

    @Test
    void trailingContentIsRefused() {
        assertViolation(saldoverzoek + "{}", null, "content after the message");
    }

    @Test
    void batchErrorNamesIndexReferentienummerLineAndField() {
        List<Message> messages = List.of(ExampleMessages.of(MessageType.SALDOVERZOEK),
                ExampleMessages.of(MessageType.BETAALVOORSTEL));
        String batch = TestFiles.write(codec, HostileXmlTest.header(2), messages)
                .replace("\"looptijdMaanden\":18", "\"looptijdMaanden\":0");

        assertThatThrownBy(() -> TestFiles.readAll(codec, batch))
                .isInstanceOfSatisfying(ContractViolationException.class, e -> {
                    assertThat(e.messageIndex()).isEqualTo(1);
                    assertThat(e.line()).isEqualTo(3L);
                    assertThat(e.field()).isEqualTo("berichten[1].betaalvoorstel.looptijdMaanden");
                    assertThat(e.reason()).contains("from 1 to 120");
                    assertThat(e.getMessage()).contains("JSON contract violation, message index 1");
                });
    }

    @Test
    void batchHeaderMustComeFirst() {
        String batch = "{\"berichten\": [], \"batchHeader\": {}}";
        assertThatThrownBy(() -> codec.openBatchReader(utf8(batch)))
                .isInstanceOfSatisfying(ContractViolationException.class,
                        e -> assertThat(e.reason()).contains("must start with batchHeader"));
    }

    @Test
    void oversizedJsonMessageIsRefused() {
        JsonMessageCodec small = new JsonMessageCodec(MappingLimits.DEFAULT.withMaxMessageBytes(2048));
        assertThatThrownBy(() -> small.read(utf8(saldoverzoek.replace("\"Teststad\"", "\"" + "T".repeat(5000) + "\""))))
                .isInstanceOfSatisfying(ContractViolationException.class,
                        e -> assertThat(e.reason()).contains("larger than the limit of 2048 bytes"));
    }

    private void assertViolation(String json, String field, String reasonPart) {
        assertThatThrownBy(() -> codec.read(utf8(json)))
                .isInstanceOfSatisfying(ContractViolationException.class, e -> {
                    assertThat(e.format()).isEqualTo(Format.JSON);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).contains(reasonPart);
                    assertThat(e.line()).isNotNull();
                });
    }
}
