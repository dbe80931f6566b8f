package nl.knooppunt.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.xml.ws.WebServiceException;
import java.math.BigDecimal;
import java.util.UUID;
import nl.knooppunt.contract.support.Answers;
import nl.knooppunt.contract.support.ContractPki;
import nl.knooppunt.contract.support.GatewaySoapClient;
import nl.knooppunt.mappings.soap.FoutMelding;
import nl.knooppunt.mappings.soap.KnooppuntPortType;
import nl.knooppunt.mappings.soap.SoapMessages;
import nl.knooppunt.mappings.soap.types.BevestigBerichtenVerzoek;
import nl.knooppunt.mappings.soap.types.HaalBerichtenOpAntwoord;
import nl.knooppunt.mappings.soap.types.HaalBerichtenOpVerzoek;
import nl.knooppunt.mappings.soap.types.Resultaat;
import nl.knooppunt.mappings.soap.types.Resultaatcode;
import nl.knooppunt.mappings.soap.types.VerstuurBerichtVerzoek;
import nl.knooppunt.mappings.soap.types.VerstuurBerichtenVerzoek;
import nl.knooppunt.mappings.xml.jaxb.Bericht;
import nl.knooppunt.mappings.xml.jaxb.SaldoverzoekAntwoord;
import org.junit.jupiter.api.Test;

/** Creditors' systems calling the gateway's SOAP service: every operation, every fault, WS-Security failures. */
class SoapServiceContractTest extends SoapContractTestBase {

    private KnooppuntPortType creditor(String name) {
        return GatewaySoapClient.as(name).connect(port);
    }

    private static VerstuurBerichtVerzoek request(Bericht message) {
        return SoapMessages.withMessage(new VerstuurBerichtVerzoek(), message);
    }

    /** A dossier whose Saldoverzoek has been delivered to the SOAP creditor; returns [dossier, the Saldoverzoek]. */
    private Object[] deliveredSaldoverzoek() throws Exception {
        JsonNode dossier = submitDossier(ContractPki.SOAP_CREDITOR);
        String reference = dossier.at("/messages/0/reference").asText();
        awaitStatus(reference, "DELIVERED");
        Bericht saldoverzoek = CREDITORS.receivedBy(ContractPki.SOAP_CREDITOR).stream()
                .flatMap(r -> r.messages().stream())
                .filter(m -> m.getHeader().getReferentienummer().toString().equals(reference))
                .findFirst().orElseThrow();
        return new Object[] {dossier, saldoverzoek};
    }

    private static Resultaatcode codeOf(ThrowingCall call) {
        try {
            call.run();
        } catch (FoutMelding fout) {
            return fout.getFaultInfo().getCode();
        }
        throw new AssertionError("Expected a fault");
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws FoutMelding;
    }

    @Test
    void answerOverSoapUpdatesTheClaimAndASecondSendingReturnsTheOriginalResult() throws Exception {
        Object[] delivered = deliveredSaldoverzoek();
        JsonNode dossier = (JsonNode) delivered[0];
        Bericht answer = Answers.saldoverzoekAntwoord((Bericht) delivered[1], new BigDecimal("987.65"));

        Resultaat result = creditor(ContractPki.SOAP_CREDITOR).verstuurBericht(request(answer)).getResultaat();

        assertThat(result.getCode()).isEqualTo(Resultaatcode.GEACCEPTEERD);
        assertThat(result.isHerhaling()).isFalse();
        JsonNode after = dossier(dossier.get("id").asText());
        assertThat(after.at("/claims/0/status").asText()).isEqualTo("SALDO_CONFIRMED");
        assertThat(after.at("/claims/0/confirmedAmount").asText()).isEqualTo("987.65");
        // The only creditor answered: the saldo inventory is complete.
        assertThat(after.get("status").asText()).isEqualTo("PROPOSAL_READY");
        assertThat(after.get("history")).anySatisfy(h -> {
            assertThat(h.get("to").asText()).isEqualTo("SALDO_CONFIRMED");
            assertThat(h.get("causeReference").asText()).isEqualTo(answer.getHeader().getReferentienummer().toString());
        });

        Snapshot before = snapshot(dossier.get("id").asText());
        Resultaat replay = creditor(ContractPki.SOAP_CREDITOR).verstuurBericht(request(answer)).getResultaat();
        assertThat(replay.getCode()).isEqualTo(Resultaatcode.GEACCEPTEERD);
        assertThat(replay.isHerhaling()).isTrue();
        assertThat(snapshot(dossier.get("id").asText())).isEqualTo(before);
    }

    /** The default mode (no AllesOfNiets): each message on its own. */
    @Test
    void batchOfAnswersGetsAResultPerMessage() throws Exception {
        Object[] delivered = deliveredSaldoverzoek();
        Bericht good = Answers.saldoverzoekAntwoord((Bericht) delivered[1], new BigDecimal("12.00"));
        Bericht lost = Answers.inUnknownConversation(Answers.saldoverzoekAntwoord((Bericht) delivered[1], BigDecimal.ONE));
        VerstuurBerichtenVerzoek request = new VerstuurBerichtenVerzoek();
        SoapMessages.messagesOf(request).add(good);
        SoapMessages.messagesOf(request).add(lost);

        var results = creditor(ContractPki.SOAP_CREDITOR).verstuurBerichten(request).getResultaat();

        assertThat(results).extracting(Resultaat::getCode)
                .containsExactly(Resultaatcode.GEACCEPTEERD, Resultaatcode.ONBEKENDE_CONVERSATIE);
        assertThat(results.get(1).getReferentienummer()).isEqualTo(lost.getHeader().getReferentienummer());
        assertThat(dossier(((JsonNode) delivered[0]).get("id").asText()).at("/claims/0/status").asText())
                .isEqualTo("SALDO_CONFIRMED");
    }

    @Test
    void batchAllOrNothingWithOneBadMessageChangesNothingAndListsTheError() throws Exception {
        Object[] first = deliveredSaldoverzoek();
        Object[] second = deliveredSaldoverzoek();
        String firstDossier = ((JsonNode) first[0]).get("id").asText();
        String secondDossier = ((JsonNode) second[0]).get("id").asText();
        Bericht good = Answers.saldoverzoekAntwoord((Bericht) first[1], new BigDecimal("12.00"));
        Bericht alsoGood = Answers.saldoverzoekAntwoord((Bericht) second[1], new BigDecimal("13.00"));
        Bericht notAnAnswerToIt = Answers.betaalvoorstelAntwoord((Bericht) second[1]);
        Snapshot firstBefore = snapshot(firstDossier);
        Snapshot secondBefore = snapshot(secondDossier);
        VerstuurBerichtenVerzoek request = new VerstuurBerichtenVerzoek();
        request.setAllesOfNiets(true);
        SoapMessages.messagesOf(request).add(good);
        SoapMessages.messagesOf(request).add(notAnAnswerToIt);
        SoapMessages.messagesOf(request).add(alsoGood);

        var results = creditor(ContractPki.SOAP_CREDITOR).verstuurBerichten(request).getResultaat();

        assertThat(results).extracting(Resultaat::getCode).containsExactly(Resultaatcode.NIET_VERWERKT,
                Resultaatcode.ANTWOORD_NIET_TOEGESTAAN, Resultaatcode.NIET_VERWERKT);
        assertThat(results).extracting(Resultaat::getReferentienummer).containsExactly(
                good.getHeader().getReferentienummer(), notAnAnswerToIt.getHeader().getReferentienummer(),
                alsoGood.getHeader().getReferentienummer());
        assertThat(snapshot(firstDossier)).isEqualTo(firstBefore);
        assertThat(snapshot(secondDossier)).isEqualTo(secondBefore);

        // Without the bad one, the same batch is applied whole: new messages, not replays.
        VerstuurBerichtenVerzoek corrected = new VerstuurBerichtenVerzoek();
        corrected.setAllesOfNiets(true);
        SoapMessages.messagesOf(corrected).add(good);
        SoapMessages.messagesOf(corrected).add(alsoGood);
        assertThat(creditor(ContractPki.SOAP_CREDITOR).verstuurBerichten(corrected).getResultaat()).allSatisfy(r -> {
            assertThat(r.getCode()).isEqualTo(Resultaatcode.GEACCEPTEERD);
            assertThat(r.isHerhaling()).isFalse();
        });
        assertThat(dossier(firstDossier).at("/claims/0/status").asText()).isEqualTo("SALDO_CONFIRMED");
        assertThat(dossier(secondDossier).at("/claims/0/status").asText()).isEqualTo("SALDO_CONFIRMED");
    }

    @Test
    void everyRefusalIsAFaultWithItsStableCodeAndChangesNothing() throws Exception {
        Object[] delivered = deliveredSaldoverzoek();
        String dossierId = ((JsonNode) delivered[0]).get("id").asText();
        Bericht saldoverzoek = (Bericht) delivered[1];
        KnooppuntPortType soap = creditor(ContractPki.SOAP_CREDITOR);
        Snapshot before = snapshot(dossierId);

        // Schema-invalid: a required element (KlantnummerSE) missing.
        SaldoverzoekAntwoord incomplete = (SaldoverzoekAntwoord) Answers.saldoverzoekAntwoord(saldoverzoek, BigDecimal.TEN);
        incomplete.setKlantnummerSE(null);
        assertThat(codeOf(() -> soap.verstuurBericht(request(incomplete)))).isEqualTo(Resultaatcode.SCHEMA_ONGELDIG);

        // Unknown conversation.
        assertThat(codeOf(() -> soap.verstuurBericht(request(Answers.inUnknownConversation(
                Answers.saldoverzoekAntwoord(saldoverzoek, BigDecimal.TEN)))))).isEqualTo(Resultaatcode.ONBEKENDE_CONVERSATIE);

        // Reply not permitted: a Betaalvoorstel antwoord does not answer a Saldoverzoek.
        assertThat(codeOf(() -> soap.verstuurBericht(request(Answers.betaalvoorstelAntwoord(saldoverzoek)))))
                .isEqualTo(Resultaatcode.ANTWOORD_NIET_TOEGESTAAN);

        // Not authorized: another creditor answers this creditor's conversation.
        Bericht foreign = Answers.sentBy(Answers.saldoverzoekAntwoord(saldoverzoek, BigDecimal.TEN), ContractPki.FAILING_CREDITOR);
        assertThat(codeOf(() -> creditor(ContractPki.FAILING_CREDITOR).verstuurBericht(request(foreign))))
                .isEqualTo(Resultaatcode.NIET_GEAUTORISEERD);

        assertThat(snapshot(dossierId)).isEqualTo(before);

        // Answered once; a second, different answer to the same Saldoverzoek is not permitted.
        Bericht first = Answers.saldoverzoekAntwoord(saldoverzoek, BigDecimal.TEN);
        assertThat(soap.verstuurBericht(request(first)).getResultaat().getCode()).isEqualTo(Resultaatcode.GEACCEPTEERD);
        Snapshot answered = snapshot(dossierId);
        assertThat(codeOf(() -> soap.verstuurBericht(request(Answers.again(first)))))
                .isEqualTo(Resultaatcode.ANTWOORD_NIET_TOEGESTAAN);
        assertThat(snapshot(dossierId)).isEqualTo(answered);
    }

    @Test
    void wsSecurityFailuresAreRefusedAndChangeNothing() throws Exception {
        Object[] delivered = deliveredSaldoverzoek();
        String dossierId = ((JsonNode) delivered[0]).get("id").asText();
        Bericht answer = Answers.saldoverzoekAntwoord((Bericht) delivered[1], BigDecimal.TEN);
        Snapshot before = snapshot(dossierId);

        KnooppuntPortType unsigned = GatewaySoapClient.as(ContractPki.SOAP_CREDITOR).unsigned().connect(port);
        assertThat(codeOf(() -> unsigned.verstuurBericht(request(answer)))).isEqualTo(Resultaatcode.NIET_GEAUTORISEERD);

        KnooppuntPortType tampered = GatewaySoapClient.as(ContractPki.SOAP_CREDITOR).tamperedAfterSigning().connect(port);
        assertThat(codeOf(() -> tampered.verstuurBericht(request(answer)))).isEqualTo(Resultaatcode.NIET_GEAUTORISEERD);

        KnooppuntPortType wrongSigner = GatewaySoapClient.as(ContractPki.SOAP_CREDITOR)
                .signedBy(ContractPki.FAILING_CREDITOR).connect(port);
        assertThat(codeOf(() -> wrongSigner.verstuurBericht(request(answer)))).isEqualTo(Resultaatcode.NIET_GEAUTORISEERD);

        assertThat(snapshot(dossierId)).isEqualTo(before);
        // The same message, properly signed, goes through.
        assertThat(creditor(ContractPki.SOAP_CREDITOR).verstuurBericht(request(answer)).getResultaat().getCode())
                .isEqualTo(Resultaatcode.GEACCEPTEERD);
    }

    @Test
    void creditorOnTheEncryptingProfileMustEncrypt() throws Exception {
        JsonNode dossier = submitDossier(ContractPki.ENCRYPTING_CREDITOR);
        String reference = dossier.at("/messages/0/reference").asText();
        awaitStatus(reference, "DELIVERED");
        Bericht saldoverzoek = CREDITORS.receivedBy(ContractPki.ENCRYPTING_CREDITOR).stream()
                .flatMap(r -> r.messages().stream())
                .filter(m -> m.getHeader().getReferentienummer().toString().equals(reference)).findFirst().orElseThrow();
        Bericht answer = Answers.saldoverzoekAntwoord(saldoverzoek, BigDecimal.ONE);

        KnooppuntPortType onlySigned = GatewaySoapClient.as(ContractPki.ENCRYPTING_CREDITOR).connect(port);
        assertThat(codeOf(() -> onlySigned.verstuurBericht(request(answer)))).isEqualTo(Resultaatcode.NIET_GEAUTORISEERD);

        KnooppuntPortType encrypted = GatewaySoapClient.as(ContractPki.ENCRYPTING_CREDITOR).encrypted().connect(port);
        assertThat(encrypted.verstuurBericht(request(answer)).getResultaat().getCode()).isEqualTo(Resultaatcode.GEACCEPTEERD);
    }

    @Test
    void mailboxIsFetchedInPagesAnsweredAndConfirmedAndOnlyByItsOwner() throws Exception {
        JsonNode first = submitDossier(ContractPki.MAILBOX_CREDITOR);
        JsonNode second = submitDossier(ContractPki.MAILBOX_CREDITOR);
        String firstReference = first.at("/messages/0/reference").asText();
        String secondReference = second.at("/messages/0/reference").asText();
        awaitStatus(firstReference, "IN_MAILBOX");
        awaitStatus(secondReference, "IN_MAILBOX");
        KnooppuntPortType mailbox = creditor(ContractPki.MAILBOX_CREDITOR);

        // Another creditor sees none of it and cannot confirm it.
        HaalBerichtenOpVerzoek everything = new HaalBerichtenOpVerzoek();
        everything.setMaximumAantal(500);
        assertThat(creditor(ContractPki.SOAP_CREDITOR).haalBerichtenOp(everything).getMailboxBericht())
                .extracting(m -> SoapMessages.messageOf(m).getHeader().getReferentienummer().toString())
                .doesNotContain(firstReference, secondReference);
        BevestigBerichtenVerzoek foreignConfirm = new BevestigBerichtenVerzoek();
        foreignConfirm.getReferentienummer().add(UUID.fromString(firstReference));
        assertThat(creditor(ContractPki.SOAP_CREDITOR).bevestigBerichten(foreignConfirm).getBevestiging().get(0).getUitkomst())
                .isEqualTo("ONBEKEND");
        assertThat(messageStatus(firstReference)).isEqualTo("IN_MAILBOX");

        // Page through: one at a time.
        HaalBerichtenOpVerzoek page = new HaalBerichtenOpVerzoek();
        page.setMaximumAantal(1);
        HaalBerichtenOpAntwoord firstPage = mailbox.haalBerichtenOp(page);
        assertThat(firstPage.getMailboxBericht()).hasSize(1);
        assertThat(firstPage.isMeerBeschikbaar()).isTrue();
        HaalBerichtenOpAntwoord rest = mailbox.haalBerichtenOp(withAfter(firstPage.getMailboxBericht().get(0).getVolgnummer()));
        var fetched = new java.util.ArrayList<String>();
        fetched.add(SoapMessages.messageOf(firstPage.getMailboxBericht().get(0)).getHeader().getReferentienummer().toString());
        rest.getMailboxBericht().forEach(m -> fetched.add(SoapMessages.messageOf(m).getHeader().getReferentienummer().toString()));
        assertThat(fetched).contains(firstReference, secondReference).doesNotHaveDuplicates();
        assertThat(firstPage.getMailboxBericht().get(0).getUiterlijkBevestigen()).isNotNull();
        assertThat(messageStatus(firstReference)).isEqualTo("FETCHED");

        // Fetched but unconfirmed messages come again only when asked for.
        assertThat(mailbox.haalBerichtenOp(everything).getMailboxBericht())
                .extracting(m -> SoapMessages.messageOf(m).getHeader().getReferentienummer().toString())
                .doesNotContain(firstReference);
        HaalBerichtenOpVerzoek again = withAfter(null);
        again.setOokOpgehaald(true);
        assertThat(mailbox.haalBerichtenOp(again).getMailboxBericht())
                .extracting(m -> SoapMessages.messageOf(m).getHeader().getReferentienummer().toString())
                .contains(firstReference);

        // Answer it, then confirm.
        Bericht saldoverzoek = SoapMessages.messageOf(firstPage.getMailboxBericht().get(0));
        Bericht answerTo = saldoverzoek.getHeader().getReferentienummer().toString().equals(firstReference) ? saldoverzoek
                : SoapMessages.messageOf(rest.getMailboxBericht().get(0));
        assertThat(mailbox.verstuurBericht(request(Answers.saldoverzoekAntwoord(answerTo, new BigDecimal("300.00"))))
                .getResultaat().getCode()).isEqualTo(Resultaatcode.GEACCEPTEERD);
        BevestigBerichtenVerzoek confirm = new BevestigBerichtenVerzoek();
        confirm.getReferentienummer().add(UUID.fromString(firstReference));
        confirm.getReferentienummer().add(UUID.randomUUID());
        assertThat(mailbox.bevestigBerichten(confirm).getBevestiging())
                .extracting(b -> b.getUitkomst()).containsExactly("BEVESTIGD", "ONBEKEND");
        assertThat(messageStatus(firstReference)).isEqualTo("CONFIRMED");
        assertThat(mailbox.bevestigBerichten(confirm).getBevestiging().get(0).getUitkomst()).isEqualTo("EERDER_BEVESTIGD");
    }

    @Test
    void schuldhulpverlenerCannotUseTheCreditorService() {
        KnooppuntPortType shv = GatewaySoapClient.as(ContractPki.SHV).connect(port);
        assertThatThrownBy(() -> shv.haalBerichtenOp(new HaalBerichtenOpVerzoek()))
                .isInstanceOf(WebServiceException.class)
                .hasStackTraceContaining("403");
    }

    private static HaalBerichtenOpVerzoek withAfter(Long sequence) {
        HaalBerichtenOpVerzoek request = new HaalBerichtenOpVerzoek();
        request.setMaximumAantal(500);
        request.setNaVolgnummer(sequence);
        return request;
    }
}
