package nl.knooppunt.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.knooppunt.contract.support.ContractPki;
import nl.knooppunt.contract.support.CreditorSoapSimulator;
import nl.knooppunt.mappings.xml.jaxb.Bericht;
import nl.knooppunt.mappings.xml.jaxb.Saldoverzoek;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.junit.jupiter.api.Test;

/** The gateway delivering batches to creditors' SOAP services. */
class SoapDeliveryContractTest extends SoapContractTestBase {

    @Test
    void saldoverzoekenReachTheCreditorsSoapServiceSignedOverMutualTls() throws Exception {
        JsonNode dossier = submitDossier(ContractPki.SOAP_CREDITOR);
        String reference = dossier.at("/messages/0/reference").asText();

        awaitStatus(reference, "DELIVERED");

        // The creditor's service verified the gateway's TLS certificate and WS-Security signature
        // (it refuses anything else) and received the Saldoverzoek in a batch addressed to it.
        Bericht received = CREDITORS.receivedBy(ContractPki.SOAP_CREDITOR).stream()
                .flatMap(r -> r.messages().stream())
                .filter(m -> m.getHeader().getReferentienummer().toString().equals(reference))
                .findFirst().orElseThrow();
        assertThat(received).isInstanceOf(Saldoverzoek.class);
        assertThat(received.getHeader().getConversatieReferentienummer().toString())
                .isEqualTo(dossier.at("/claims/0/conversationReference").asText());
        assertThat(received.getHeader().getAfzenderOin()).isEqualTo(ContractPki.oin(ContractPki.SHV));
        assertThat(received.getHeader().getOntvangerOin()).isEqualTo(ContractPki.oin(ContractPki.SOAP_CREDITOR));
        assertThat(((Saldoverzoek) received).getGegevensKlant().getKlant().getAchternaam()).isEqualTo("Proefklant");
        CreditorSoapSimulator.Received batch = CREDITORS.receivedBy(ContractPki.SOAP_CREDITOR).stream()
                .filter(r -> r.messages().contains(received)).findFirst().orElseThrow();
        assertThat(batch.batch().getBatchHeader().getOntvangerOin()).isEqualTo(ContractPki.oin(ContractPki.SOAP_CREDITOR));
        assertThat(batch.batch().getBatchHeader().getAantal()).isEqualTo(batch.messages().size());
    }

    @Test
    void creditorOnTheEncryptingProfileGetsItsBatchEncrypted() throws Exception {
        // The creditor's service expects Timestamp, Signature and Encryption, and refuses anything less.
        JsonNode dossier = submitDossier(ContractPki.ENCRYPTING_CREDITOR);
        String reference = dossier.at("/messages/0/reference").asText();

        awaitStatus(reference, "DELIVERED");
        assertThat(CREDITORS.receivedBy(ContractPki.ENCRYPTING_CREDITOR)).flatExtracting(r -> r.messages())
                .extracting(m -> m.getHeader().getReferentienummer().toString()).contains(reference);
    }

    @Test
    void anAnswerWhoseSignatureLeavesTheBodyUncoveredDoesNotCountAsDelivery() throws Exception {
        // The creditor's service receives the batch every time, but signs its answer over the
        // Timestamp only: an answer that anyone could have altered, so the batch is sent again.
        JsonNode dossier = submitDossier(ContractPki.HALF_SIGNING_CREDITOR);
        String reference = dossier.at("/messages/0/reference").asText();

        awaitStatus(reference, "DEAD");

        assertThat(CREDITORS.receivedBy(ContractPki.HALF_SIGNING_CREDITOR)).flatExtracting(r -> r.messages())
                .extracting(m -> m.getHeader().getReferentienummer().toString())
                .filteredOn(reference::equals).hasSize(3);
        JsonNode shown = dossier(dossier.get("id").asText()).at("/messages/0");
        assertThat(shown.get("lastError").asText()).contains("gave up after 3 attempts")
                .contains("answer was refused").contains("signature must cover the Body");
    }

    @Test
    void serverFaultIsRetriedUntilTheCreditorRecoversAndRejectionsBecomeDeadLetters() throws Exception {
        CREDITORS.behave(ContractPki.FAILING_CREDITOR, batch -> {
            throw new SoapFault("Back-end unavailable", Soap11.getInstance().getReceiver());
        });
        JsonNode dossier = submitDossier(ContractPki.FAILING_CREDITOR);
        String reference = dossier.at("/messages/0/reference").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        select count(*) from delivery_attempt a join batch_member b on b.batch_id = a.batch_id
                         where b.message_reference = ? and a.outcome = 'TRANSPORT_FAILURE'""")
                .param(UUID.fromString(reference)).query(Integer.class).single() >= 1);
        assertThat(messageStatus(reference)).isEqualTo("BATCHED");

        // The creditor recovers, and rejects this message as unknown: a dead letter with its reason.
        CREDITORS.behave(ContractPki.FAILING_CREDITOR, batch -> {
            var answer = CreditorSoapSimulator.ACCEPT_ALL.answer(batch);
            answer.getOntvangst().forEach(r -> {
                r.setGeaccepteerd(false);
                r.setReden("klant onbekend");
            });
            return answer;
        });
        awaitStatus(reference, "DEAD");
        JsonNode shown = dossier(dossier.get("id").asText()).at("/messages/0");
        assertThat(shown.get("lastError").asText()).isEqualTo("rejected by creditor: klant onbekend");
        assertThat(shown.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        List<UUID> batchIds = CREDITORS.receivedBy(ContractPki.FAILING_CREDITOR).stream()
                .filter(r -> r.messages().stream().anyMatch(m -> m.getHeader().getReferentienummer().toString().equals(reference)))
                .map(r -> r.batch().getBatchHeader().getBatchId()).distinct().toList();
        assertThat(batchIds).as("every attempt resent the same batch").hasSize(1);
    }
}
