package nl.knooppunt.gateway.channel.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
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
import nl.knooppunt.mappings.canonical.Contactpersoon;
import nl.knooppunt.mappings.canonical.Header;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.canonical.SaldoverzoekAntwoord;
import nl.knooppunt.mappings.canonical.Schuldtype;
import nl.knooppunt.mappings.canonical.VorderingSE;
import nl.knooppunt.mappings.canonical.VorderingsType;
import nl.knooppunt.mappings.csv.CsvMessageCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Heavy, run only on demand ({@code -Dknooppunt.heavy.sftp-answers=true}): an answer file of
 * {@value #LINES} data lines applied by a gateway in a JVM of its own with a small heap
 * ({@code -Dknooppunt.heavy.sftp-answers.heap}, default {@value #DEFAULT_HEAP}), on this test's
 * database and SFTP server. The lines are Saldoverzoek antwoorden of {@value #ROWS_PER_MESSAGE} claim rows
 * each ({@value #MESSAGES} messages), each answering a Saldoverzoek really made and marked delivered:
 * setting up 100,000 conversations would measure the set-up, not the file. The gateway must neither
 * run out of memory (it exits on OutOfMemoryError) nor hold the file whole; the time from the
 * done-file to the report is printed, nothing about speed is asserted. This test's own gateway has
 * no SSH key configured, so it makes no answer routes and leaves the file to the forked one.
 */
@EnabledIfSystemProperty(named = "knooppunt.heavy.sftp-answers", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "knooppunt.outbound.enabled=false")
@ActiveProfiles({"test", "sftp-answer-test"})
class SftpAnswerLargeFileTest {

    static final int MESSAGES = 100;
    static final int ROWS_PER_MESSAGE = 1000;
    static final int LINES = MESSAGES * ROWS_PER_MESSAGE;
    static final String DEFAULT_HEAP = "64m";
    static final String STROOM = SftpAnswerTest.STROOM;
    static final Path DIR = Path.of("target", "sftp-answer-large", UUID.randomUUID().toString()).toAbsolutePath();
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
    void aFileOf100000LinesIsAppliedWholeByAGatewayWithASmallHeap() throws Exception {
        List<UUID[]> delivered = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            delivered.add(deliveredSaldoverzoek());
        }
        String name = STROOM + "_SaldoverzoekAntwoord_" + UUID.randomUUID() + ".csv";
        Path answers = Files.createDirectories(SERVER.root().resolve("stroom/answers"));
        Path file = answers.resolve(name);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             BatchWriter writer = CsvMessageCodec.forType(MessageType.SALDOVERZOEK_ANTWOORD).openBatchWriter(
                     new BatchHeader(UUID.randomUUID(), Dossiers.SHV, OffsetDateTime.now(ZoneOffset.UTC), MESSAGES), out)) {
            for (UUID[] d : delivered) {
                writer.write(answer(d[0], d[1], ROWS_PER_MESSAGE));
            }
        }
        assertThat(lines(file)).isEqualTo(LINES + 1);
        try (InputStream in = Files.newInputStream(file)) {
            Files.write(answers.resolve(name + ".p7s"), SftpAnswerTest.signer(STROOM).signDetached(in));
        }

        String heap = System.getProperty("knooppunt.heavy.sftp-answers.heap", DEFAULT_HEAP);
        try (AnswerGateway gateway = AnswerGateway.start(heap, dataSource.getJdbcUrl(), SERVER, DIR.resolve("gateway"))) {
            await().atMost(Duration.ofMinutes(3)).until(() -> gateway.routeStartedOrDead(STROOM));
            assertThat(gateway.isAlive()).as("the gateway started: %s", gateway.tail()).isTrue();
            long start = System.nanoTime();
            Files.write(answers.resolve(name + ".done"), new byte[0]);

            Path report = SERVER.root().resolve("stroom/reports").resolve(name + ".report.csv");
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.exists(report) || !gateway.isAlive());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(gateway.isAlive()).as("the gateway did not run out of memory: %s", gateway.tail()).isTrue();

            List<String> rows = Files.readAllLines(report, StandardCharsets.UTF_8);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1)).contains("file-applied").contains(MESSAGES + " messages: " + MESSAGES + " applied");
            assertThat(jdbc.sql("select count(*) from claim where status = 'SALDO_CONFIRMED'").query(Long.class).single())
                    .isEqualTo(MESSAGES);
            await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(answers.resolve("processed").resolve(name)));
            String result = String.format("SFTP answer file of %,d lines (%,d bytes, %d messages of %d rows): applied "
                    + "in %.1f s from done-file to report by a gateway with -Xmx%s", LINES, Files.size(
                    answers.resolve("processed").resolve(name)), MESSAGES, ROWS_PER_MESSAGE, seconds, heap);
            System.out.println(result);
            Files.writeString(Path.of("target", "sftp-answer-large-file.txt"), result + "\n");
        }
    }

    private UUID[] deliveredSaldoverzoek() {
        Participant shv = participants.findByOin(Dossiers.SHV).orElseThrow();
        ClientData client = new ClientData("K-1", new ClientData.Person("V", "T.", null, null, "Testpersoon",
                LocalDate.of(1980, 1, 1), null), null,
                new ClientData.Address("Teststraat", 1, null, null, "1000AA", "Teststad", null, null),
                new ClientData.ContactPerson("Consulent", null, null));
        UUID dossierId = intake.submit(shv, new DossierSubmission(Dossiers.SHV, Dossiers.newReference(), SettlementType.SK,
                client, List.of(new DossierSubmission.ClaimSubmission(STROOM, null, List.of("F-1"),
                        new BigDecimal("100.00")))), null).dossierId();
        UUID conversation = conversations.findByClaim(dossiers.get(dossierId).claims().get(0).id()).orElseThrow().reference();
        UUID saldoverzoek = jdbc.sql("select reference from outbound_message where dossier_id = ? and message_type = 'Saldoverzoek'")
                .param(dossierId).query(UUID.class).single();
        jdbc.sql("update outbound_message set status = 'DELIVERED' where reference = ?").param(saldoverzoek).update();
        return new UUID[] {conversation, saldoverzoek};
    }

    /** A Saldoverzoek antwoord of STROOM with {@code rows} claims: that many CSV lines. */
    static Message answer(UUID conversation, UUID saldoverzoek, int rows) {
        List<VorderingSE> claims = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            claims.add(new VorderingSE("F-" + i, "SE-F-" + i, Schuldtype.OPENSTAAND, VorderingsType.CONCURRENT, null,
                    null, null, null, null, new BigDecimal("1.25"), null, null));
        }
        return new Message(new Header(UUID.randomUUID(), conversation, saldoverzoek, Header.CURRENT_VERSIE,
                MessageType.SALDOVERZOEK_ANTWOORD, STROOM, Dossiers.SHV, OffsetDateTime.now(ZoneOffset.UTC)),
                new SaldoverzoekAntwoord("K-1", "SE-1", new Contactpersoon("Afdeling Incasso", null, null),
                        LocalDate.now(), claims));
    }

    private static long lines(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }
}
