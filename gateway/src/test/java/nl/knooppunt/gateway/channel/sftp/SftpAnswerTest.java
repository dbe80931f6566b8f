package nl.knooppunt.gateway.channel.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.knooppunt.gateway.conversation.Conversation;
import nl.knooppunt.gateway.conversation.Conversations;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.dossier.DossierSubmission;
import nl.knooppunt.gateway.dossier.SettlementType;
import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantKind;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.security.cms.CmsIdentity;
import nl.knooppunt.gateway.security.cms.CmsSigner;
import nl.knooppunt.gateway.support.Dossiers;
import nl.knooppunt.gateway.support.SftpTestServer;
import nl.knooppunt.gateway.support.TestTls;
import nl.knooppunt.gateway.workflow.DossierIntake;
import nl.knooppunt.mappings.BatchReader;
import nl.knooppunt.mappings.BatchWriter;
import nl.knooppunt.mappings.ContractViolationException;
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
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Answer files from SFTP creditors, end to end against a real SFTP server (Apache MINA SSHD): real
 * Saldoverzoeken to the creditors (marked delivered by hand, the outbound engine is off), answer files
 * in the contract's CSV layout signed with the creditor's dev-PKI key, picked up by the creditor's
 * answer route, applied through the inbound door, moved and reported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "knooppunt.outbound.enabled=false")
@ActiveProfiles({"test", "sftp-answer-test"})
class SftpAnswerTest {

    /** All or nothing (the default). */
    static final String STROOM = "00000001002000000003";
    /** Each answer on its own ({@code answers: EACH}). */
    static final String THUIS = "00000001002000000001";
    static final Path DIR = Path.of("target", "sftp-answer-test", UUID.randomUUID().toString()).toAbsolutePath();
    static final SftpTestServer SERVER = SftpTestServer.start(DIR.resolve("server"));
    static final Duration WAIT = Duration.ofSeconds(60);
    /** The cell of column "Schuldtype" in the saldoverzoek-antwoord layout (1-based). */
    static final int SCHULDTYPE_COLUMN = 19;

    @DynamicPropertySource
    static void sftp(DynamicPropertyRegistry registry) {
        registry.add("test.sftp.port", SERVER::port);
        registry.add("knooppunt.sftp.private-key", () -> SERVER.privateKey().toAbsolutePath().toString());
        registry.add("knooppunt.sftp.known-hosts", () -> SERVER.knownHosts().toAbsolutePath().toString());
        registry.add("knooppunt.sftp.poll-interval", () -> "300ms");
        registry.add("knooppunt.sftp.work-directory", () -> DIR.resolve("work").toAbsolutePath().toString());
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
    @Autowired AnswerRoutes routes;
    @Autowired CamelContext camel;

    @Test
    void aCreditorsAnswerServerIsNotPartOfTheGatewaysHealth() {
        // One creditor's SFTP server being down must not take the whole gateway out of service.
        assertThat(HealthCheckHelper.invoke(camel)).extracting(r -> r.getCheck().getId())
                .isNotEmpty()
                .noneMatch(id -> id.startsWith("consumer:"));
    }

    // ------------------------------------------------------------------ pick-up, once

    @Test
    void anAnswerFileIsAppliedMovedWithItsSignatureAndReported() throws IOException {
        Delivered one = deliveredSaldoverzoek(STROOM);
        Delivered two = deliveredSaldoverzoek(STROOM);
        String name = fileName(STROOM);
        byte[] file = csv(List.of(saldoAntwoord(one, "10.00"), saldoAntwoord(two, "20.00")));

        put("stroom", name, file, sign(STROOM, file), true);

        List<String[]> report = awaitReport("stroom", name);
        assertThat(claimStatus(one)).isEqualTo("SALDO_CONFIRMED");
        assertThat(claimStatus(two)).isEqualTo("SALDO_CONFIRMED");
        assertThat(report).hasSize(1);
        assertThat(report.get(0)[3]).isEqualTo("file-applied");
        assertThat(report.get(0)[4]).startsWith("2 messages: 2 applied");
        awaitMoved("stroom", name, "processed");
        assertThat(answers("stroom")).as("data, signature and done-file are gone from answers/")
                .noneMatch(n -> n.startsWith(name));
        assertThat(jdbc.sql("select count(*) from camel_messageprocessed where processorname = ? and messageid like ?")
                .params(STROOM, name + ":%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSameFileUploadedAgainIsAppliedOnceAndReportedAsADuplicate() throws IOException {
        Delivered one = deliveredSaldoverzoek(STROOM);
        String name = fileName(STROOM);
        byte[] file = csv(List.of(saldoAntwoord(one, "10.00")));
        byte[] signature = sign(STROOM, file);
        put("stroom", name, file, signature, true);
        awaitReport("stroom", name);
        awaitMoved("stroom", name, "processed");
        long inbound = count("select count(*) from inbound_message");
        long history = historyOf(one);
        Files.delete(report("stroom", name));

        put("stroom", name, file, signature, true);

        List<String[]> report = awaitReport("stroom", name);
        assertThat(report).singleElement().satisfies(row -> assertThat(row[3]).isEqualTo("file-duplicate"));
        awaitGoneFromAnswers("stroom", name);
        assertThat(Files.exists(processed("stroom", name))).isTrue();
        assertThat(count("select count(*) from inbound_message")).isEqualTo(inbound);
        assertThat(historyOf(one)).isEqualTo(history);
    }

    @Test
    void aTamperedFileChangesNothingGoesToFailedAndIsReportedWithTheSignatureCode() {
        Delivered one = deliveredSaldoverzoek(STROOM);
        String name = fileName(STROOM);
        byte[] signed = csv(List.of(saldoAntwoord(one, "10.00")));
        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("10,00", "11,00").getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(signed);
        long inbound = count("select count(*) from inbound_message");

        put("stroom", name, tampered, sign(STROOM, signed), true);

        List<String[]> report = awaitReport("stroom", name);
        assertThat(report).extracting(row -> row[3]).containsExactly("file-signature-invalid", "file-refused");
        assertThat(report.get(0)[4]).contains("CONTENT_MISMATCH");
        awaitMoved("stroom", name, "failed");
        assertThat(claimStatus(one)).isEqualTo("SALDO_REQUESTED");
        assertThat(count("select count(*) from inbound_message")).isEqualTo(inbound);
        assertThat(jdbc.sql("select count(*) from camel_messageprocessed where messageid like ?").param(name + ":%")
                .query(Long.class).single()).as("a refused file is not marked processed").isZero();
    }

    @Test
    void aFileWithoutItsSignatureChangesNothingAndIsReported() {
        Delivered one = deliveredSaldoverzoek(STROOM);
        String name = fileName(STROOM);

        put("stroom", name, csv(List.of(saldoAntwoord(one, "10.00"))), null, true);

        List<String[]> report = awaitReport("stroom", name);
        assertThat(report).extracting(row -> row[3]).containsExactly("file-signature-missing", "file-refused");
        Path failed = SERVER.root().resolve("stroom/answers/failed").resolve(name);
        await().atMost(WAIT).until(() -> Files.exists(failed) && !Files.exists(answer("stroom", name + ".done")));
        assertThat(claimStatus(one)).isEqualTo("SALDO_REQUESTED");
    }

    @Test
    void aFileWithoutItsDoneFileIsNotReadUntilTheDoneFileAppears() throws IOException {
        Delivered early = deliveredSaldoverzoek(STROOM);
        Delivered complete = deliveredSaldoverzoek(STROOM);
        String halfWritten = fileName(STROOM);
        String other = fileName(STROOM);
        byte[] file = csv(List.of(saldoAntwoord(early, "10.00")));
        byte[] otherFile = csv(List.of(saldoAntwoord(complete, "10.00")));

        put("stroom", halfWritten, file, sign(STROOM, file), false);
        put("stroom", other, otherFile, sign(STROOM, otherFile), true);

        // The complete file beside it was polled, read and reported: the half-written one was seen and left.
        awaitReport("stroom", other);
        assertThat(Files.exists(answer("stroom", halfWritten))).isTrue();
        assertThat(Files.exists(report("stroom", halfWritten))).isFalse();
        assertThat(claimStatus(early)).isEqualTo("SALDO_REQUESTED");

        Files.write(answer("stroom", halfWritten + ".done"), new byte[0]);

        assertThat(awaitReport("stroom", halfWritten).get(0)[3]).isEqualTo("file-applied");
        assertThat(claimStatus(early)).isEqualTo("SALDO_CONFIRMED");
    }

    // ------------------------------------------------------------------ bad lines

    @Test
    void aFileWithAnInvalidLineIsAppliedNotAtAllAndTheReportNamesLineAndColumn() {
        Delivered one = deliveredSaldoverzoek(STROOM);
        Delivered two = deliveredSaldoverzoek(STROOM);
        String name = fileName(STROOM);
        // Line 1 is the header row; the second answer is on line 3.
        byte[] file = breakCell(csv(List.of(saldoAntwoord(one, "10.00"), saldoAntwoord(two, "20.00"))), 3,
                SCHULDTYPE_COLUMN, "=HYPERLINK(1)");
        long inbound = count("select count(*) from inbound_message");

        put("stroom", name, file, sign(STROOM, file), true);

        List<String[]> report = awaitReport("stroom", name);
        assertThat(report).hasSize(2);
        assertThat(report.get(0)).startsWith("3", String.valueOf(SCHULDTYPE_COLUMN));
        assertThat(report.get(0)[3]).isEqualTo("inbound-schema-invalid");
        assertThat(report.get(1)[3]).isEqualTo("file-refused");
        awaitMoved("stroom", name, "failed");
        assertThat(claimStatus(one)).as("the valid answer was not applied either").isEqualTo("SALDO_REQUESTED");
        assertThat(claimStatus(two)).isEqualTo("SALDO_REQUESTED");
        assertThat(count("select count(*) from inbound_message")).isEqualTo(inbound);
    }

    @Test
    void withAnswersEachTheValidLinesAreAppliedAndTheInvalidOneReported() {
        Delivered one = deliveredSaldoverzoek(THUIS);
        Delivered two = deliveredSaldoverzoek(THUIS);
        Delivered three = deliveredSaldoverzoek(THUIS);
        String name = fileName(THUIS);
        byte[] file = breakCell(csv(List.of(saldoAntwoord(one, "10.00"), saldoAntwoord(two, "20.00"),
                saldoAntwoord(three, "30.00"))), 4, SCHULDTYPE_COLUMN, "GEEN_SCHULDTYPE");

        put("thuis", name, file, sign(THUIS, file), true);

        List<String[]> report = awaitReport("thuis", name);
        assertThat(report.get(0)).startsWith("4", String.valueOf(SCHULDTYPE_COLUMN));
        assertThat(report.get(report.size() - 1)[3]).isEqualTo("file-applied");
        awaitMoved("thuis", name, "processed");
        assertThat(claimStatus(one)).isEqualTo("SALDO_CONFIRMED");
        assertThat(claimStatus(two)).isEqualTo("SALDO_CONFIRMED");
        assertThat(claimStatus(three)).isEqualTo("SALDO_REQUESTED");
    }

    /**
     * Needs the CSV reader to go on after a bad line ({@code BatchReader.canContinue()}); skipped until
     * it does. Then every bad line is listed, and with {@code answers: EACH} the good lines after a bad
     * one are applied too.
     */
    @Test
    void everyInvalidLineIsListedAndGoodLinesAfterABadOneAreApplied() {
        Assumptions.assumeTrue(csvReaderContinuesAfterABadLine(),
                "the CSV reader stops at the first bad line (BatchReader.canContinue() is false)");
        Delivered[] stroom = {deliveredSaldoverzoek(STROOM), deliveredSaldoverzoek(STROOM), deliveredSaldoverzoek(STROOM)};
        String allOrNothing = fileName(STROOM);
        byte[] file = breakCell(breakCell(csv(List.of(saldoAntwoord(stroom[0], "1.00"), saldoAntwoord(stroom[1], "2.00"),
                saldoAntwoord(stroom[2], "3.00"))), 2, SCHULDTYPE_COLUMN, "X"), 4, SCHULDTYPE_COLUMN, "Y");
        put("stroom", allOrNothing, file, sign(STROOM, file), true);
        List<String[]> report = awaitReport("stroom", allOrNothing);
        assertThat(report).extracting(row -> row[0] + ";" + row[1] + ";" + row[3]).containsExactly(
                "2;" + SCHULDTYPE_COLUMN + ";inbound-schema-invalid", "4;" + SCHULDTYPE_COLUMN + ";inbound-schema-invalid",
                ";;file-refused");

        Delivered[] thuis = {deliveredSaldoverzoek(THUIS), deliveredSaldoverzoek(THUIS), deliveredSaldoverzoek(THUIS)};
        String each = fileName(THUIS);
        byte[] eachFile = breakCell(csv(List.of(saldoAntwoord(thuis[0], "1.00"), saldoAntwoord(thuis[1], "2.00"),
                saldoAntwoord(thuis[2], "3.00"))), 2, SCHULDTYPE_COLUMN, "X");
        put("thuis", each, eachFile, sign(THUIS, eachFile), true);
        awaitReport("thuis", each);
        assertThat(claimStatus(thuis[0])).isEqualTo("SALDO_REQUESTED");
        assertThat(claimStatus(thuis[1])).isEqualTo("SALDO_CONFIRMED");
        assertThat(claimStatus(thuis[2])).isEqualTo("SALDO_CONFIRMED");
    }

    // ------------------------------------------------------------------ restart

    /**
     * The state a crash leaves between the door's commit and the key's insert (both the key and the
     * move to processed/ happen only when the exchange completes, after the commit): the messages are
     * applied, the file is still in answers/ with its signature and done-file, and its key is not in
     * camel_messageprocessed. That state is made here exactly (key deleted, file put back); the restarted
     * pick-up must then apply nothing twice. A crash before the commit needs no test of its own: the
     * door's one transaction is rolled back and the file is simply read again.
     */
    @Test
    void aFileReadAgainAfterACrashBetweenCommitAndKeyIsAppliedExactlyOnce() throws IOException {
        Delivered one = deliveredSaldoverzoek(STROOM);
        Delivered two = deliveredSaldoverzoek(STROOM);
        String name = fileName(STROOM);
        byte[] file = csv(List.of(saldoAntwoord(one, "10.00"), saldoAntwoord(two, "20.00")));
        byte[] signature = sign(STROOM, file);
        put("stroom", name, file, signature, true);
        awaitReport("stroom", name);
        awaitMoved("stroom", name, "processed");
        long inbound = count("select count(*) from inbound_message");
        Files.delete(report("stroom", name));

        jdbc.sql("delete from camel_messageprocessed where processorname = ? and messageid like ?")
                .params(STROOM, name + ":%").update();
        Files.move(processed("stroom", name + ".p7s"), answer("stroom", name + ".p7s"));
        Files.move(processed("stroom", name), answer("stroom", name));
        Files.write(answer("stroom", name + ".done"), new byte[0]);

        List<String[]> report = awaitReport("stroom", name);
        assertThat(report).singleElement().satisfies(row -> {
            assertThat(row[3]).isEqualTo("file-applied");
            assertThat(row[4]).startsWith("2 messages: 0 applied, 2 received before");
        });
        assertThat(count("select count(*) from inbound_message")).isEqualTo(inbound);
        assertThat(confirmations(one)).isEqualTo(1);
        assertThat(confirmations(two)).isEqualTo(1);
        awaitMoved("stroom", name, "processed");
        assertThat(jdbc.sql("select count(*) from camel_messageprocessed where processorname = ? and messageid like ?")
                .params(STROOM, name + ":%").query(Long.class).single()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ routes follow the registry

    @Test
    void aCreditorRegisteredAtRunTimeGetsItsAnswerRouteAndLosesItWhenDeactivated() throws Exception {
        String oin = "00000001002000000099";
        CreditorChannel channel = new CreditorChannel(ChannelType.SFTP, SERVER.endpoint("nieuw"), "0 0 6 1 1 ?", 100,
                Duration.ofHours(1), Map.of("username", SftpTestServer.USER));
        participants.upsert(oin, ParticipantKind.CREDITOR, "Nieuw incassobureau", true, Optional.of(channel));

        routes.reconcile();
        assertThat(camel.getRoute(AnswerRoutes.routeId(oin))).isNotNull();
        await().atMost(WAIT).until(() -> Files.isDirectory(SERVER.root().resolve("nieuw/answers")));

        participants.upsert(oin, ParticipantKind.CREDITOR, "Nieuw incassobureau", false, Optional.of(channel));
        routes.reconcile();
        assertThat(camel.getRoute(AnswerRoutes.routeId(oin))).isNull();
        assertThat(camel.getRoute(AnswerRoutes.routeId(STROOM))).isNotNull();
    }

    @Test
    void reportCellsAreNeutralisedForSpreadsheets() {
        assertThat(AnswerReport.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(AnswerReport.cell("+31")).isEqualTo("'+31");
        assertThat(AnswerReport.cell("-5")).isEqualTo("'-5");
        assertThat(AnswerReport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AnswerReport.cell("\tx")).isEqualTo("'\tx");
        assertThat(AnswerReport.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(AnswerReport.cell("gewoon")).isEqualTo("gewoon");
    }

    // ------------------------------------------------------------------ helpers

    record Delivered(Conversation conversation, UUID saldoverzoek, String creditorOin) {}

    Delivered deliveredSaldoverzoek(String creditorOin) {
        Participant shv = participants.findByOin(Dossiers.SHV).orElseThrow();
        ClientData client = new ClientData("K-1", new ClientData.Person("V", "T.", null, null, "Testpersoon",
                LocalDate.of(1980, 1, 1), null), null,
                new ClientData.Address("Teststraat", 1, null, null, "1000AA", "Teststad", null, null),
                new ClientData.ContactPerson("Consulent", null, null));
        UUID dossierId = intake.submit(shv, new DossierSubmission(Dossiers.SHV, Dossiers.newReference(), SettlementType.SK,
                client, List.of(new DossierSubmission.ClaimSubmission(creditorOin, null, List.of("F-1"),
                        new BigDecimal("100.00")))), null).dossierId();
        Conversation conversation = conversations.findByClaim(dossiers.get(dossierId).claims().get(0).id()).orElseThrow();
        UUID saldoverzoek = jdbc.sql("select reference from outbound_message where dossier_id = ? and message_type = 'Saldoverzoek'")
                .param(dossierId).query(UUID.class).single();
        // The engine is off: the Saldoverzoek is marked delivered as the SFTP upload would.
        jdbc.sql("update outbound_message set status = 'DELIVERED' where reference = ?").param(saldoverzoek).update();
        return new Delivered(conversation, saldoverzoek, creditorOin);
    }

    static Message saldoAntwoord(Delivered d, String amount) {
        return answer(d.conversation().reference(), d.saldoverzoek(), d.creditorOin(), amount);
    }

    static Message answer(UUID conversation, UUID saldoverzoek, String creditorOin, String amount) {
        return new Message(new Header(UUID.randomUUID(), conversation, saldoverzoek, Header.CURRENT_VERSIE,
                MessageType.SALDOVERZOEK_ANTWOORD, creditorOin, Dossiers.SHV, OffsetDateTime.now(ZoneOffset.UTC)),
                new SaldoverzoekAntwoord("K-1", "SE-1", new Contactpersoon("Afdeling Incasso", null, null),
                        LocalDate.now(), List.of(new VorderingSE("F-1", null, Schuldtype.OPENSTAAND,
                        VorderingsType.CONCURRENT, null, null, null, null, null, new BigDecimal(amount), null, null))));
    }

    static byte[] csv(List<Message> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BatchWriter writer = CsvMessageCodec.forType(MessageType.SALDOVERZOEK_ANTWOORD).openBatchWriter(
                new BatchHeader(UUID.randomUUID(), Dossiers.SHV, OffsetDateTime.now(ZoneOffset.UTC), messages.size()), out)) {
            messages.forEach(writer::write);
        }
        return out.toByteArray();
    }

    /** Replaces cell {@code column} (1-based) of line {@code line} (1-based, the header row is 1). */
    static byte[] breakCell(byte[] csv, int line, int column, String value) {
        String[] lines = new String(csv, StandardCharsets.UTF_8).split("\r\n", -1);
        String[] cells = lines[line - 1].split(";", -1);
        cells[column - 1] = value;
        lines[line - 1] = String.join(";", cells);
        return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    static boolean csvReaderContinuesAfterABadLine() {
        byte[] file = breakCell(csv(List.of(answer(UUID.randomUUID(), UUID.randomUUID(), STROOM, "1.00"),
                answer(UUID.randomUUID(), UUID.randomUUID(), STROOM, "2.00"))), 2, SCHULDTYPE_COLUMN, "X");
        try (BatchReader reader = CsvMessageCodec.forType(MessageType.SALDOVERZOEK_ANTWOORD)
                .openBatchReader(new ByteArrayInputStream(file))) {
            try {
                reader.hasNext();
                reader.next();
                return false;
            } catch (ContractViolationException expected) {
                return reader.canContinue();
            }
        }
    }

    static byte[] sign(String creditorOin, byte[] content) {
        try {
            return signer(creditorOin).signDetached(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The creditor's signer: its dev-PKI key and certificate. */
    static CmsSigner signer(String creditorOin) {
        String participant = STROOM.equals(creditorOin) ? "energieleverancier-stroom" : "woningcorporatie-thuis";
        try (InputStream in = Files.newInputStream(TestTls.PKI.resolve("participants").resolve(participant + ".p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, TestTls.PASSWORD);
            String alias = Collections.list(store.aliases()).stream().filter(a -> {
                try {
                    return store.isKeyEntry(a);
                } catch (Exception e) {
                    return false;
                }
            }).findFirst().orElseThrow();
            return new CmsSigner(CmsIdentity.fromKeyStore(store, alias, TestTls.PASSWORD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String fileName(String creditorOin) {
        return creditorOin + "_SaldoverzoekAntwoord_" + UUID.randomUUID() + ".csv";
    }

    /** As a creditor writes: the data file, its signature, then (if complete) the done-file. */
    static void put(String base, String name, byte[] data, byte[] signature, boolean done) {
        try {
            Path answers = Files.createDirectories(SERVER.root().resolve(base).resolve("answers"));
            Files.write(answers.resolve(name), data);
            if (signature != null) {
                Files.write(answers.resolve(name + ".p7s"), signature);
            }
            if (done) {
                Files.write(answers.resolve(name + ".done"), new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path answer(String base, String name) {
        return SERVER.root().resolve(base).resolve("answers").resolve(name);
    }

    static Path processed(String base, String name) {
        return SERVER.root().resolve(base).resolve("answers/processed").resolve(name);
    }

    static Path report(String base, String name) {
        return SERVER.root().resolve(base).resolve("reports").resolve(name + ".report.csv");
    }

    static List<String> answers(String base) throws IOException {
        try (var files = Files.list(SERVER.root().resolve(base).resolve("answers"))) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    /** The report's rows without the header row, cells split (no cell in these tests holds a ';'). */
    static List<String[]> awaitReport(String base, String name) {
        Path report = report(base, name);
        await().atMost(WAIT).until(() -> Files.exists(report));
        try {
            List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).isEqualTo(AnswerReport.HEADER);
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                rows.add(line.split(";", 5));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void awaitMoved(String base, String name, String directory) {
        Path to = SERVER.root().resolve(base).resolve("answers").resolve(directory);
        await().atMost(WAIT).until(() -> Files.exists(to.resolve(name)) && Files.exists(to.resolve(name + ".p7s"))
                && !Files.exists(answer(base, name)) && !Files.exists(answer(base, name + ".p7s"))
                && !Files.exists(answer(base, name + ".done")));
    }

    static void awaitGoneFromAnswers(String base, String name) {
        await().atMost(WAIT).until(() -> !Files.exists(answer(base, name)) && !Files.exists(answer(base, name + ".done")));
    }

    String claimStatus(Delivered d) {
        return jdbc.sql("select status from claim where id = ?").param(d.conversation().claimId()).query(String.class).single();
    }

    long historyOf(Delivered d) {
        return count("select count(*) from status_history where claim_id = ?", d.conversation().claimId());
    }

    long confirmations(Delivered d) {
        return count("select count(*) from status_history where claim_id = ? and to_status = 'SALDO_CONFIRMED'",
                d.conversation().claimId());
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
