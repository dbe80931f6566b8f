package nl.knooppunt.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.conversation.Conversations;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.privacy.PersonalDataCipher;
import nl.knooppunt.gateway.support.SecondGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch far larger than the heap streams through: 20,000 messages of 4 KB (80 MB of payload)
 * are read by a JVM limited to 32 MB, exactly as a channel reads a batch. Were the batch held
 * whole in memory, that JVM would die of OutOfMemoryError. (The 100,000-message run is in the
 * benchmarks; see docs/performance.md.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "knooppunt.outbound.enabled=false")
@ActiveProfiles({"test", "outbound-test"})
class BatchStreamingMemoryTest {

    /** 20,000 in the test run; the 100,000 measurement: -Dknooppunt.streaming.messages=100000. */
    static final int MESSAGES = Integer.getInteger("knooppunt.streaming.messages", 20_000);
    static final int PAYLOAD_BYTES = 4096;

    @Autowired HikariDataSource dataSource;
    @Autowired PersonalDataCipher cipher;
    @Autowired DossierService dossiers;
    @Autowired Conversations conversations;
    @Autowired Outbox outbox;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    @Test
    void batchMuchLargerThanTheHeapStreamsThrough() throws Exception {
        OutboxFixture fixture = new OutboxFixture(dossiers, conversations, outbox, tx, jdbc);
        Conversation conversation = fixture.conversationWith(OutboxFixture.B);
        UUID batchId = storeBatch(conversation);

        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+ExitOnOutOfMemoryError", "-cp", SecondGateway.testClassPath(),
                BatchStreamProbe.class.getName(), dataSource.getJdbcUrl(), batchId.toString(),
                "target/test-data-keys", "500")
                .redirectErrorStream(true)
                .start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).contains("STREAMED " + MESSAGES + " " + (long) MESSAGES * PAYLOAD_BYTES);
        System.out.println("Streamed " + MESSAGES + " messages in a 32 MB JVM; " + output.lines()
                .filter(l -> l.startsWith("PEAK_HEAP_BYTES")).findFirst().orElse(""));
    }

    /** Writes the messages and one batch holding all of them, the way the outbox and claimer store them. */
    private UUID storeBatch(Conversation c) throws Exception {
        UUID batchId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        byte[] payload = new byte[PAYLOAD_BYTES];
        Arrays.fill(payload, (byte) 'x');
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement batch = connection.prepareStatement("""
                    insert into outbound_batch (id, recipient_id, channel_type, status, message_count, attempts,
                                                next_attempt_at, created_at, updated_at)
                    values (?, ?, 'SOAP', 'READY', ?, 0, ?, ?, ?)""")) {
                batch.setObject(1, batchId);
                batch.setObject(2, c.creditorId());
                batch.setInt(3, MESSAGES);
                batch.setObject(4, now);
                batch.setObject(5, now);
                batch.setObject(6, now);
                batch.executeUpdate();
            }
            try (PreparedStatement message = connection.prepareStatement("""
                    insert into message (reference, conversation_id, message_type, direction, sender_id, recipient_id, created_at)
                    values (?, ?, 'Saldoverzoek', 'OUTBOUND', ?, ?, ?)""");
                 PreparedStatement outbound = connection.prepareStatement("""
                    insert into outbound_message (reference, recipient_id, dossier_id, claim_id, message_type, payload, status,
                                                  enqueued_at, due_at, current_batch_id, updated_at, conversation_ref)
                    values (?, ?, ?, ?, 'Saldoverzoek', ?, 'BATCHED', ?, ?, ?, ?, ?)""");
                 PreparedStatement member = connection.prepareStatement(
                         "insert into batch_member (batch_id, position, message_reference) values (?, ?, ?)")) {
                for (int i = 1; i <= MESSAGES; i++) {
                    UUID reference = UUID.randomUUID();
                    message.setObject(1, reference);
                    message.setObject(2, c.id());
                    message.setObject(3, c.shvId());
                    message.setObject(4, c.creditorId());
                    message.setObject(5, now);
                    message.addBatch();
                    outbound.setObject(1, reference);
                    outbound.setObject(2, c.creditorId());
                    outbound.setObject(3, c.dossierId());
                    outbound.setObject(4, c.claimId());
                    outbound.setBytes(5, cipher.encrypt(payload, Outbox.payloadContext(reference)));
                    outbound.setObject(6, now);
                    outbound.setObject(7, now);
                    outbound.setObject(8, batchId);
                    outbound.setObject(9, now);
                    outbound.setObject(10, c.reference());
                    outbound.addBatch();
                    member.setObject(1, batchId);
                    member.setInt(2, i);
                    member.setObject(3, reference);
                    member.addBatch();
                    if (i % 1000 == 0) {
                        message.executeBatch();
                        outbound.executeBatch();
                        member.executeBatch();
                    }
                }
            }
            connection.commit();
        }
        return batchId;
    }
}
