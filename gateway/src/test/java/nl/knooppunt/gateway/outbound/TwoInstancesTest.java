package nl.knooppunt.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.knooppunt.gateway.dossier.Conversation;
import nl.knooppunt.gateway.dossier.Conversations;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.support.ScriptedChannels;
import nl.knooppunt.gateway.support.SecondGateway;
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
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"knooppunt.outbound.batches-per-turn=1", "knooppunt.instance-id=instance-1"})
@ActiveProfiles({"test", "outbound-routes"})
@Import(ScriptedChannels.class)
class TwoInstancesTest {

    static final List<String> CREDITORS = List.of("00000001004000000001", "00000001004000000002", "00000001004000000003");
    static final int MESSAGES_PER_CREDITOR = 600;

    @Autowired ScriptedChannels.Script channels;
    @Autowired HikariDataSource dataSource;
    @Autowired DossierService dossiers;
    @Autowired Conversations conversations;
    @Autowired Outbox outbox;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    @Test
    void twoInstancesOnOneDatabaseSendEveryMessageExactlyOnce() {
        ConfigurableApplicationContext second = SecondGateway.start(dataSource.getJdbcUrl(),
                new String[] {"test", "outbound-routes"},
                Map.of("scriptedRestChannel", new ScriptedChannels.ScriptedChannel(ChannelType.REST, channels),
                        "scriptedSoapChannel", new ScriptedChannels.ScriptedChannel(ChannelType.SOAP, channels)),
                "knooppunt.outbound.batches-per-turn=1", "knooppunt.instance-id=instance-2",
                "knooppunt.privacy.key-file=target/test-data-keys");
        try {
            OutboxFixture fixture = new OutboxFixture(dossiers, conversations, outbox, tx, jdbc);
            fixture.emptyOutbox();
            channels.reset();
            CREDITORS.forEach(oin -> channels.set(oin, ScriptedChannels.slow(20)));
            Map<String, Conversation> dossier = fixture.dossierWith(CREDITORS.toArray(String[]::new));
            List<UUID> queued = new ArrayList<>();
            for (String oin : CREDITORS) {
                queued.addAll(fixture.enqueue(dossier.get(oin), MESSAGES_PER_CREDITOR));
            }

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                    jdbc.sql("select count(*) from outbound_message where status = 'DELIVERED'")
                            .query(Integer.class).single() == queued.size());

            Map<UUID, Long> timesReceived = channels.received().stream()
                    .flatMap(r -> r.references().stream())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(timesReceived.keySet()).containsExactlyInAnyOrderElementsOf(queued);
            assertThat(timesReceived.values()).containsOnly(1L);
            assertThat(jdbc.sql("select count(*) from delivery_attempt where attempt > 1").query(Integer.class).single())
                    .as("no batch needed a second attempt").isZero();
            Map<String, Integer> batchesPerInstance = new java.util.TreeMap<>();
            jdbc.sql("select owner, count(*) from delivery_attempt group by owner")
                    .query(rs -> {
                        batchesPerInstance.put(rs.getString(1), rs.getInt(2));
                    });
            assertThat(batchesPerInstance).as("both instances sent batches").containsOnlyKeys("instance-1", "instance-2");
        } finally {
            second.close();
        }
    }
}
