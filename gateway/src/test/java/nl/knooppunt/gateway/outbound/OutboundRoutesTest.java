package nl.knooppunt.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.conversation.Conversations;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.support.ScriptedChannels;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine running on its own routes: one creditor refuses every connection and another hangs
 * in the middle of a send, while a third must keep receiving its batches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles({"test", "outbound-routes"})
@Import(ScriptedChannels.class)
class OutboundRoutesTest {

    static final String HEALTHY = "00000001004000000001";
    static final String DEAD = "00000001004000000002";
    static final String HANGING = "00000001004000000003";

    @Autowired ScriptedChannels.Script channels;
    @Autowired CircuitBreakerRegistry breakers;
    @Autowired MeterRegistry meters;
    @Autowired OutboundMessages messages;
    @Autowired DossierService dossiers;
    @Autowired Conversations conversations;
    @Autowired Outbox outbox;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired CamelContext camel;

    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseHangingCreditor() {
        release.countDown();
    }

    @Test
    void deadAndHangingCreditorsDoNotHoldUpAHealthyOne() {
        OutboxFixture fixture = new OutboxFixture(dossiers, conversations, outbox, tx, jdbc);
        channels.set(DEAD, ScriptedChannels.CONNECTION_REFUSED);
        channels.set(HANGING, (batch, items) -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return BatchResult.allAccepted();
        });
        java.util.Map<String, Conversation> dossier = fixture.dossierWith(HEALTHY, DEAD, HANGING);
        List<UUID> dead = fixture.enqueue(dossier.get(DEAD), 2);
        List<UUID> hanging = fixture.enqueue(dossier.get(HANGING), 2);

        // The hanging creditor's batch is in flight and stays there.
        await().atMost(Duration.ofSeconds(20)).until(() -> !channels.receivedBy(HANGING).isEmpty());

        // Meanwhile the healthy creditor gets batch after batch.
        List<UUID> healthy = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            List<UUID> queued = fixture.enqueue(dossier.get(HEALTHY), 2);
            healthy.addAll(queued);
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    queued.stream().allMatch(ref -> fixture.status(ref) == OutboundStatus.DELIVERED));
        }
        assertThat(channels.receivedBy(HEALTHY).size()).isGreaterThanOrEqualTo(3);

        // The dead creditor was retried with backoff and its messages are dead letters; its breaker opened.
        await().atMost(Duration.ofSeconds(20)).until(() ->
                dead.stream().allMatch(ref -> fixture.status(ref) == OutboundStatus.DEAD));
        assertThat(channels.receivedBy(DEAD)).extracting(ScriptedChannels.Received::attempt).containsExactly(1, 2, 3);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> breakers.circuitBreaker("deliver-" + DEAD).getState() == CircuitBreaker.State.OPEN);

        // All the while the hanging creditor's batch was still in flight, untouched by the others.
        assertThat(hanging).allSatisfy(ref -> assertThat(fixture.status(ref)).isEqualTo(OutboundStatus.BATCHED));
        assertThat(channels.receivedBy(HANGING)).hasSize(1);

        release.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                hanging.stream().allMatch(ref -> fixture.status(ref) == OutboundStatus.DELIVERED));
        assertThat(healthy).allSatisfy(ref -> assertThat(fixture.status(ref)).isEqualTo(OutboundStatus.DELIVERED));

        // One named delivery route per creditor, made from the delivery template.
        assertThat(camel.getRoute("deliver-" + HEALTHY)).isNotNull();
        assertThat(camel.getRoute("deliver-" + DEAD)).isNotNull();
        assertThat(camel.getRoute("deliver-" + DEAD).isCreatedByRouteTemplate()).isTrue();

        // The breaker the route used is the one in the registry bean, and it shows in the metrics.
        assertThat(meters.get("resilience4j.circuitbreaker.state").tag("name", "deliver-" + DEAD).tag("state", "open")
                .gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("resilience4j.circuitbreaker.calls").tag("name", "deliver-" + HEALTHY)
                .tag("kind", "successful").timer().count()).isGreaterThanOrEqualTo(3);
    }
}
