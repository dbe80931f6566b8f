package nl.knooppunt.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import nl.knooppunt.gateway.support.ApiClient;
import nl.knooppunt.gateway.support.Dossiers;
import nl.knooppunt.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Nothing personal reaches the log: not in normal operation, and not by mistake. */
@GatewayTest
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTest {

    @LocalServerPort int port;

    @Test
    void submittingAndReadingADossierLogsNoPersonalData(CapturedOutput output) {
        ApiClient api = ApiClient.participant("gemeente-voorbeeldstad", port);
        String id = api.post("/api/v1/dossiers", Dossiers.valid(Dossiers.newReference()).toString()).json()
                .get("id").asText();
        api.get("/api/v1/dossiers/" + id);
        // An invalid submission too: validation problems name fields, never values.
        api.post("/api/v1/dossiers", Dossiers.valid(Dossiers.newReference()).put("settlementType", "Testpersoon").toString());

        assertThat(output.getAll())
                .doesNotContain("Testpersoon", "Jolanda", "1984-03-17", "999990019", "Proefstraat",
                        "consulent@voorbeeldstad.example", "1234 AB");
    }

    @Test
    void personalIdentifiersThatSlipIntoALogLineAreMasked(CapturedOutput output) {
        Logger log = LoggerFactory.getLogger("a.careless.library");
        log.warn("Could not match client 999990019 <j.jansen@voorbeeldstad.example>, 1234 AB",
                new IllegalStateException("lookup of 999990019 failed"));

        assertThat(output.getAll()).contains("Could not match client [BSN] <[e-mail]>, [postcode]")
                .contains("lookup of [BSN] failed")
                .doesNotContain("999990019").doesNotContain("j.jansen@voorbeeldstad.example");
    }
}
