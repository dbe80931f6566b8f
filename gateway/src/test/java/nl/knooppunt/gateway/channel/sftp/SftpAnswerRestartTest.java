package nl.knooppunt.gateway.channel.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.conversation.Conversations;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.dossier.DossierSubmission;
import nl.knooppunt.gateway.dossier.SettlementType;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.support.Dossiers;
import nl.knooppunt.gateway.support.SftpTestServer;
import nl.knooppunt.gateway.workflow.DossierIntake;
import nl.knooppunt.mappings.BatchWriter;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.csv.CsvMessageCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway killed (SIGKILL: no shutdown hook, no graceful stop) while it applies an answer file, then
 * another gateway started on the same database and SFTP server: the file is applied exactly once. The
 * kill comes once the file is downloaded to the first gateway's work directory and before its report
 * exists, i.e. while the file is being verified, read and applied in the door's one transaction
 * (which the database then rolls back), or after its commit and before the key is stored (then the
 * door's replay rule answers every message with its first result). Either way: one inbound message
 * and one status change per answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "knooppunt.outbound.enabled=false")
@ActiveProfiles({"test", "sftp-answer-test"})
class SftpAnswerRestartTest {

    static final int MESSAGES = 40;
    static final int ROWS_PER_MESSAGE = 250;
    static final String STROOM = SftpAnswerTest.STROOM;
    static final Path DIR = Path.of("target", "sftp-answer-restart", UUID.randomUUID().toString()).toAbsolutePath();
    static final SftpTestServer SERVER = SftpTestServer.start(DIR.resolve("server"));

    @DynamicPropertySource
    static void sftp(DynamicPropertyRegistry registry) {
        registry.add("test.sftp.port", SERVER::port);
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Autowired DossierIntake intake;
    @Autowired DossierService dossiers;
    @Autowired Conversations conversations;
    @Autowired ParticipantRepository participants;
    @Autowired JdbcClient jdbc;
    @Autowired HikariDataSource dataSource;

    @Test
    void aGatewayKilledWhileApplyingAFileLeavesItToTheNextWhichAppliesItExactlyOnce() throws Exception {
        List<Conversation> claims = new ArrayList<>();
        String name = STROOM + "_SaldoverzoekAntwoord_" + UUID.randomUUID() + ".csv";
        Path answers = Files.createDirectories(SERVER.root().resolve("stroom/answers"));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(answers.resolve(name)));
             BatchWriter writer = CsvMessageCodec.forType(MessageType.SALDOVERZOEK_ANTWOORD).openBatchWriter(
                     new BatchHeader(UUID.randomUUID(), Dossiers.SHV, OffsetDateTime.now(ZoneOffset.UTC), MESSAGES), out)) {
            for (int i = 0; i < MESSAGES; i++) {
                Conversation conversation = deliveredSaldoverzoek();
                claims.add(conversation);
                writer.write(SftpAnswerLargeFileTest.answer(conversation.reference(), saldoverzoekOf(conversation),
                        ROWS_PER_MESSAGE));
            }
        }
        try (InputStream in = Files.newInputStream(answers.resolve(name))) {
            Files.write(answers.resolve(name + ".p7s"), SftpAnswerTest.signer(STROOM).signDetached(in));
        }
        Path report = SERVER.root().resolve("stroom/reports").resolve(name + ".report.csv");

        Path firstWork = DIR.resolve("first");
        try (AnswerGateway first = AnswerGateway.start("256m", dataSource.getJdbcUrl(), SERVER, firstWork)) {
            await().atMost(Duration.ofMinutes(3)).until(() -> first.routeStartedOrDead(STROOM));
            assertThat(first.isAlive()).as("the first gateway started: %s", first.tail()).isTrue();
            Files.write(answers.resolve(name + ".done"), new byte[0]);
            // Downloaded whole to the local work file: the gateway is now working on it.
            Path local = firstWork.resolve("work/answers").resolve(STROOM).resolve(name);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5)).until(() -> Files.exists(local));
            first.kill();
        }
        assertThat(Files.exists(report)).as("killed before the file was done").isFalse();
        assertThat(Files.exists(answers.resolve(name))).isTrue();
        assertThat(Files.exists(answers.resolve(name + ".done"))).isTrue();
        long keys = jdbc.sql("select count(*) from camel_messageprocessed where messageid like ?").param(name + ":%")
                .query(Long.class).single();
        assertThat(keys).isZero();

        try (AnswerGateway second = AnswerGateway.start("256m", dataSource.getJdbcUrl(), SERVER, DIR.resolve("second"))) {
            await().atMost(Duration.ofMinutes(5)).until(() -> Files.exists(report) || !second.isAlive());
            assertThat(second.isAlive()).as(second.tail()).isTrue();
            List<String> rows = Files.readAllLines(report, StandardCharsets.UTF_8);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1)).contains("file-applied").contains(MESSAGES + " messages: ");
            await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(answers.resolve("processed").resolve(name)));
        }
        for (Conversation claim : claims) {
            assertThat(jdbc.sql("select count(*) from status_history where claim_id = ? and to_status = 'SALDO_CONFIRMED'")
                    .param(claim.claimId()).query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from inbound_message where claim_id = ? and channel = 'SFTP'").param(claim.claimId())
                    .query(Long.class).single()).isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from camel_messageprocessed where messageid like ?").param(name + ":%")
                .query(Long.class).single()).isEqualTo(1);
    }

    private Conversation deliveredSaldoverzoek() {
        Participant shv = participants.findByOin(Dossiers.SHV).orElseThrow();
        ClientData client = new ClientData("K-1", new ClientData.Person("V", "T.", null, null, "Testpersoon",
                LocalDate.of(1980, 1, 1), null), null,
                new ClientData.Address("Teststraat", 1, null, null, "1000AA", "Teststad", null, null),
                new ClientData.ContactPerson("Consulent", null, null));
        UUID dossierId = intake.submit(shv, new DossierSubmission(Dossiers.SHV, Dossiers.newReference(), SettlementType.SK,
                client, List.of(new DossierSubmission.ClaimSubmission(STROOM, null, List.of("F-1"),
                        new BigDecimal("100.00")))), null).dossierId();
        jdbc.sql("update outbound_message set status = 'DELIVERED' where dossier_id = ? and message_type = 'Saldoverzoek'")
                .param(dossierId).update();
        return conversations.findByClaim(dossiers.get(dossierId).claims().get(0).id()).orElseThrow();
    }

    private UUID saldoverzoekOf(Conversation conversation) {
        return jdbc.sql("select reference from outbound_message where dossier_id = ? and message_type = 'Saldoverzoek'")
                .param(conversation.dossierId()).query(UUID.class).single();
    }
}
