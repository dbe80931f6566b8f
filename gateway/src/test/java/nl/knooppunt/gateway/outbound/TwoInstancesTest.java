package nl.knooppunt.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.conversation.Conversations;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.support.ScriptedChannels;
import nl.knooppunt.gateway.support.SecondGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.timer.TimerConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two gateway instances run their engines on one database at the same time. Both compete for
 * every batch; every message is sent exactly once.
 *
 * <p>Nothing here depends on which instance's timer fires first. Work is queued only once both
 * engines are ticking, and each instance has fewer delivery threads than there are creditors while
 * its first batches wait in the channel until the other instance is sending too: so an instance
 * cannot take every creditor, and both are sending at the same moment. (With a thread per creditor
 * and nothing held, an instance whose ticks land just before the other's takes nearly every batch,
 * and whether the other gets one at all is luck.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "knooppunt.outbound.batches-per-turn=1", "knooppunt.outbound.delivery-threads=2",
        "knooppunt.instance-id=instance-1"})
@ActiveProfiles({"test", "outbound-routes"})
@Import(ScriptedChannels.class)
class TwoInstancesTest {

    static final List<String> CREDITORS = List.of("00000001004000000001", "00000001004000000002", "00000001004000000003");
    static final int MESSAGES_PER_CREDITOR = 600;
    static final Duration READY_WITHIN = Duration.ofSeconds(60);

    @Autowired ScriptedChannels.Script channels;
    @Autowired CamelContext camel;
    @Autowired HikariDataSource dataSource;
    @Autowired DossierService dossiers;
    @Autowired Conversations conversations;
    @Autowired Outbox outbox;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    @Test
    void twoInstancesOnOneDatabaseSendEveryMessageExactlyOnce() {
        ScriptedChannels.Script secondChannels = new ScriptedChannels.Script();
        ConfigurableApplicationContext second = SecondGateway.start(dataSource.getJdbcUrl(),
                new String[] {"test", "outbound-routes"},
                Map.of("scriptedRestChannel", new ScriptedChannels.ScriptedChannel(ChannelType.REST, secondChannels),
                        "scriptedSoapChannel", new ScriptedChannels.ScriptedChannel(ChannelType.SOAP, secondChannels)),
                "knooppunt.outbound.batches-per-turn=1", "knooppunt.outbound.delivery-threads=2",
                "knooppunt.instance-id=instance-2", "knooppunt.privacy.key-file=target/test-data-keys");
        try {
            OutboxFixture fixture = new OutboxFixture(dossiers, conversations, outbox, tx, jdbc);
            fixture.emptyOutbox();
            Meeting meeting = new Meeting();
            script(channels, "instance-1", meeting);
            script(secondChannels, "instance-2", meeting);
            awaitTicking(camel, "instance-1");
            awaitTicking(second.getBean(CamelContext.class), "instance-2");

            Map<String, Conversation> dossier = fixture.dossierWith(CREDITORS.toArray(String[]::new));
            List<UUID> queued = new ArrayList<>();
            for (String oin : CREDITORS) {
                queued.addAll(fixture.enqueue(dossier.get(oin), MESSAGES_PER_CREDITOR));
            }

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    jdbc.sql("select count(*) from outbound_message where status = 'DELIVERED'")
                            .query(Integer.class).single() == queued.size());

            assertThat(meeting.happened()).as("both instances were sending at the same time").isTrue();
            List<ScriptedChannels.Received> received = Stream.concat(channels.received().stream(),
                    secondChannels.received().stream()).toList();
            Map<UUID, Long> timesReceived = received.stream()
                    .flatMap(r -> r.references().stream())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(timesReceived.keySet()).containsExactlyInAnyOrderElementsOf(queued);
            assertThat(timesReceived.values()).containsOnly(1L);
            assertThat(received).extracting(ScriptedChannels.Received::owner).contains("instance-1", "instance-2");
            assertThat(jdbc.sql("select count(*) from delivery_attempt where attempt > 1").query(Integer.class).single())
                    .as("no batch needed a second attempt").isZero();
            Map<String, Integer> batchesPerInstance = new TreeMap<>();
            jdbc.sql("select owner, count(*) from delivery_attempt group by owner")
                    .query(rs -> {
                        batchesPerInstance.put(rs.getString(1), rs.getInt(2));
                    });
            assertThat(batchesPerInstance).as("both instances sent batches").containsOnlyKeys("instance-1", "instance-2");
        } finally {
            second.close();
        }
    }

    private static void script(ScriptedChannels.Script script, String instance, Meeting meeting) {
        script.reset();
        script.owner(instance);
        CREDITORS.forEach(oin -> script.set(oin, meeting.sendingAs(instance)));
    }

    /**
     * Competing means: the instance's delivery routes are started and its timer has run a whole tick
     * (a look in the database for due work), so work queued from now on is seen by its next tick.
     */
    private static void awaitTicking(CamelContext camel, String instance) {
        await().alias(instance + " is ticking").atMost(READY_WITHIN).pollInterval(Duration.ofMillis(50)).until(() ->
                Stream.of("outbound-tick", "outbound-creditor").allMatch(route ->
                        camel.getRouteController().getRouteStatus(route) == ServiceStatus.Started)
                        // The timer runs one tick at a time: a second has begun once the first is done.
                        && ((TimerConsumer) camel.getRoute("outbound-tick").getConsumer()).getCounter() >= 2);
    }

    /**
     * A creditor that takes a little time per batch and holds each instance's batches until the other
     * instance has a batch in flight as well; from then on it lets everything through.
     */
    static final class Meeting {
        private final CountDownLatch bothSending = new CountDownLatch(2);
        private final Set<String> arrived = ConcurrentHashMap.newKeySet();

        ScriptedChannels.Behaviour sendingAs(String instance) {
            return (batch, items) -> {
                if (arrived.add(instance)) {
                    bothSending.countDown();
                }
                try {
                    if (!bothSending.await(READY_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                        throw DeliveryFailure.recoverable("the other instance never sent a batch", null);
                    }
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw DeliveryFailure.recoverable("interrupted", e);
                }
                return BatchResult.allAccepted();
            };
        }

        boolean happened() {
            return bothSending.getCount() == 0;
        }
    }
}
