package nl.knooppunt.mappings;

import static nl.knooppunt.mappings.canonical.MessageType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.UUID;
import nl.knooppunt.mappings.canonical.CrossReferenceRule;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.InvalidFieldException;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.Party;
import org.junit.jupiter.api.Test;

/** The conversation rules held by {@link MessageType} and enforced by the canonical {@link Header}. */
class ConversationRulesTest {

    @Test
    void answersFollowTheCatalogue() {
        assertThat(SALDOVERZOEK.answeredBy()).containsExactlyInAnyOrder(SALDOVERZOEK_ANTWOORD,
                SALDOVERZOEK_ANTWOORD_VOORAF_AKKOORD, GEEN_MEDEWERKING);
        assertThat(GEEN_MEDEWERKING.answers()).containsExactlyInAnyOrder(KENNISGEVING, KENNISGEVING_PUBLIEK, SALDOVERZOEK);
        assertThat(KENNISGEVING_PUBLIEK.answeredBy()).containsExactlyInAnyOrder(KENNISGEVING_ANTWOORD, GEEN_MEDEWERKING);
        assertThat(BETAALVOORSTEL_ANTWOORD.answers()).containsExactlyInAnyOrder(BETAALVOORSTEL, HEROVERWEGING);
        assertThat(STATUSBERICHT_SHV.answers()).containsExactly(STATUSVERZOEK);
        assertThat(SCHULDREGELING_AKKOORD.answeredBy()).isEmpty();
    }

    @Test
    void answeredByIsTheInverseOfAnswers() {
        for (MessageType request : MessageType.values()) {
            for (MessageType answer : MessageType.values()) {
                assertThat(request.answeredBy().contains(answer)).isEqualTo(answer.answers().contains(request));
            }
        }
    }

    @Test
    void answersGoBackToTheOtherParty() {
        for (MessageType answer : MessageType.values()) {
            for (MessageType request : answer.answers()) {
                assertThat(answer.sender()).as("%s answers %s", answer, request).isEqualTo(request.sender().other());
            }
        }
        assertThat(SALDOVERZOEK.sender()).isEqualTo(Party.SHV);
        assertThat(STATUSVERZOEK.recipient()).isEqualTo(Party.SHV);
    }

    @Test
    void onlyKennisgevingenAndSaldoverzoekOpenAConversation() {
        assertThat(MessageType.values()).filteredOn(MessageType::opensConversation)
                .containsExactlyInAnyOrder(KENNISGEVING, KENNISGEVING_PUBLIEK, SALDOVERZOEK);
    }

    @Test
    void crossReferenceRuleFollowsFromTheAnswers() {
        assertThat(SALDOVERZOEK_ANTWOORD.crossReference()).isEqualTo(CrossReferenceRule.REQUIRED);
        assertThat(SALDOVERZOEK.crossReference()).isEqualTo(CrossReferenceRule.FORBIDDEN);
        assertThat(STATUSBERICHT_SHV.crossReference()).isEqualTo(CrossReferenceRule.OPTIONAL);
    }

    @Test
    void anAnswerWithoutCrossReferentienummerIsRefused() {
        assertThatThrownBy(() -> header(SALDOVERZOEK_ANTWOORD, null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("CrossReferentienummer");
                    assertThat(e.reason()).contains("answers [Saldoverzoek]");
                });
    }

    @Test
    void aMessageThatAnswersNothingMayNotCarryACrossReferentienummer() {
        assertThatThrownBy(() -> header(BETAALVOORSTEL, UUID.randomUUID()))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("must be absent");
    }

    @Test
    void statusberichtShvMayBeUnsolicitedOrAnAnswer() {
        assertThat(header(STATUSBERICHT_SHV, null).crossReferentienummer()).isNull();
        assertThat(header(STATUSBERICHT_SHV, UUID.randomUUID()).crossReferentienummer()).isNotNull();
    }

    @Test
    void headerAndBodyMustBeOfTheSameType() {
        Message saldoverzoek = ExampleMessages.of(SALDOVERZOEK);
        assertThatThrownBy(() -> new Message(header(KENNISGEVING, null), saldoverzoek.body()))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("the body is a Saldoverzoek");
    }

    @Test
    void codesAndJsonPropertiesRoundTrip() {
        for (MessageType type : MessageType.values()) {
            assertThat(MessageType.fromCode(type.code())).contains(type);
            assertThat(MessageType.fromJsonProperty(type.jsonProperty())).contains(type);
        }
        assertThat(STATUSBERICHT_SHV.jsonProperty()).isEqualTo("statusberichtSHV");
    }

    private static Header header(MessageType type, UUID cross) {
        return new Header(UUID.randomUUID(), UUID.randomUUID(), cross, "2.0", type, "00000001001234567000",
                "00000002007654321000", OffsetDateTime.parse("2025-01-01T12:00:00Z"));
    }
}
