package nl.knooppunt.gateway.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.DossierSubmission;
import nl.knooppunt.gateway.dossier.SettlementType;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.workflow.DossierIntake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The webhook as it runs: the outbound engine on its own timer and the real clock, the SHV's WEBHOOK
 * channel with its defaults (application-webhook-test.yml gives no schedule or maximum wait). A
 * dossier's first notifications reach the receiver within seconds of the submission, not on a
 * creditor-like schedule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles({"test", "webhook-test"})
class WebhookPromptnessTest {

    static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("test.webhook.port", RECEIVER::port);
    }

    @Autowired DossierIntake intake;
    @Autowired ParticipantRepository participants;

    @AfterAll
    static void stop() {
        RECEIVER.close();
    }

    @Test
    void aSubmittedDossiersNotificationsArriveWithinSeconds() {
        RECEIVER.up();
        ClientData client = new ClientData("K-1", new ClientData.Person("V", "T.", null, null, "Testpersoon",
                LocalDate.of(1980, 1, 1), null), null,
                new ClientData.Address("Teststraat", 1, null, null, "1000AA", "Teststad", null, null),
                new ClientData.ContactPerson("Consulent", null, null));
        UUID dossierId = intake.submit(participants.findByOin(ShvNotificationTest.SHV).orElseThrow(),
                new DossierSubmission(ShvNotificationTest.SHV, "T-" + UUID.randomUUID(), SettlementType.SK, client,
                        List.of(new DossierSubmission.ClaimSubmission(ShvNotificationTest.N1, null, List.of("F-1"),
                                new BigDecimal("100.00")))), null).dossierId();

        // Due within the second, sent on the engine's next tick (2 s); the margin is for a busy machine.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> RECEIVER.received().stream().anyMatch(r -> r.answered() == 204
                        && r.body().length > 0 && new String(r.body()).contains("claim.status-changed")));
        assertThat(RECEIVER.received()).allSatisfy(r -> {
            assertThat(new ObjectMapper().readTree(r.body()).at("/dossier/id").asText()).isEqualTo(dossierId.toString());
            assertThat(r.signature()).startsWith("v1=");
        });
    }
}
