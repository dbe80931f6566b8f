package nl.knooppunt.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import nl.knooppunt.gateway.dossier.Cause;
import nl.knooppunt.gateway.dossier.DossierDetails;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.dossier.DossierStatus;
import nl.knooppunt.gateway.dossier.StatusService;
import nl.knooppunt.gateway.support.ApiClient;
import nl.knooppunt.gateway.support.Dossiers;
import nl.knooppunt.gateway.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal data goes when a dossier has been closed for the retention period; the history stays.
 * (The audit of reads is in {@link PersonalDataAuditTest}, which shares this configuration.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"knooppunt.privacy.retention=30d", "knooppunt.outbound.enabled=false"})
@ActiveProfiles("test")
@Import(PrivacyTestClock.class)
class PersonalDataRetentionTest {

    @Autowired MutableClock clock;
    @Autowired PersonalDataRetention retention;
    @Autowired DossierService dossiers;
    @Autowired StatusService statuses;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    private UUID submit() {
        ApiClient api = ApiClient.participant("gemeente-voorbeeldstad", port);
        return UUID.fromString(api.post("/api/v1/dossiers", Dossiers.valid(Dossiers.newReference()).toString())
                .json().get("id").asText());
    }

    @Test
    void personalDataOfADossierClosedLongerThanTheRetentionPeriodIsPurged() {
        UUID closed = submit();
        UUID open = submit();
        tx.executeWithoutResult(s -> statuses.changeDossier(closed, DossierStatus.WITHDRAWN, Cause.user("shv"), "client moved"));
        int historyBefore = dossiers.get(closed).history().size();

        clock.advance(Duration.ofDays(30).minusMinutes(1));
        assertThat(retention.purgeExpired()).doesNotContain(closed);
        assertThat(dossiers.get(closed).clientData()).isPresent();

        clock.advance(Duration.ofMinutes(1));
        assertThat(retention.purgeExpired()).contains(closed).doesNotContain(open);

        DossierDetails purged = dossiers.get(closed);
        assertThat(purged.clientData()).isEmpty();
        assertThat(purged.dossier().personalDataPurgedAt()).isEqualTo(clock.instant());
        assertThat(purged.history()).hasSize(historyBefore);
        // The fingerprint of the submission is derived from personal data: it goes too.
        assertThat(jdbc.sql("select client_data is null and submission_fingerprint is null from dossier where id = ?")
                .param(closed).query(Boolean.class).single()).isTrue();
        assertThat(dossiers.get(open).clientData()).isPresent();

        // The SHV still sees the dossier's course, without the personal data.
        ApiClient.Response view = ApiClient.participant("gemeente-voorbeeldstad", port).get("/api/v1/dossiers/" + closed);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().has("client")).isFalse();
        assertThat(view.json().get("personalDataPurgedAt").asText()).isNotBlank();
        assertThat(view.body()).doesNotContain("Testpersoon");

        // Purging again finds nothing more to do.
        assertThat(retention.purgeExpired()).doesNotContain(closed);
    }
}
