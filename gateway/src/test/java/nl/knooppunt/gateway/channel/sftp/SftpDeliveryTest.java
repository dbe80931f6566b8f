package nl.knooppunt.gateway.channel.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import nl.knooppunt.gateway.dossier.Cause;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.dossier.DossierSubmission;
import nl.knooppunt.gateway.dossier.SettlementType;
import nl.knooppunt.gateway.outbound.AttemptOutcome;
import nl.knooppunt.gateway.outbound.BatchMessages;
import nl.knooppunt.gateway.outbound.BatchSender;
import nl.knooppunt.gateway.outbound.DeliveryAttemptView;
import nl.knooppunt.gateway.outbound.DeliveryEvent;
import nl.knooppunt.gateway.outbound.DeliveryFailure;
import nl.knooppunt.gateway.outbound.DeliveryListener;
import nl.knooppunt.gateway.outbound.OutboundMessageView;
import nl.knooppunt.gateway.outbound.OutboundBatch;
import nl.knooppunt.gateway.outbound.OutboundMessages;
import nl.knooppunt.gateway.outbound.OutboundStatus;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.security.TlsMaterial;
import nl.knooppunt.gateway.security.cms.CmsDecryptor;
import nl.knooppunt.gateway.security.cms.CmsIdentity;
import nl.knooppunt.gateway.security.cms.CmsVerifier;
import nl.knooppunt.gateway.security.cms.VerifiedSignature;
import nl.knooppunt.gateway.support.Dossiers;
import nl.knooppunt.gateway.support.MutableClock;
import nl.knooppunt.gateway.support.SftpTestServer;
import nl.knooppunt.gateway.support.TestTls;
import nl.knooppunt.gateway.workflow.SaldoInventory;
import nl.knooppunt.mappings.BatchReader;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.csv.CsvMessageCodec;
import nl.knooppunt.mappings.xml.XmlMessageCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SFTP channel delivering batch files to creditors' SFTP servers — a real SFTP server (Apache MINA
 * SSHD) started by the test — driven by the outbound engine step by step under a clock the test moves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "knooppunt.outbound.enabled=false")
@ActiveProfiles({"test", "sftp-delivery-test"})
@Import(SftpDeliveryTest.TestBeans.class)
class SftpDeliveryTest {

    static final String CSV_CREDITOR = "00000001003000000031";
    static final String XML_CREDITOR = "00000001003000000032";
    static final String ENCRYPTED_CREDITOR = "00000001003000000033";
    /** The dev PKI's gateway certificate (target/test-pki/gateway/gateway.pem). */
    static final String GATEWAY_OIN = "00000099000000000001";
    static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");
    /** The batches form an hour later (maximum wait): their files carry that time. */
    static final String BATCH_TIME = "20261123T100000Z";
    static final Path DIRECTORY = Path.of("target", "sftp-delivery-test", UUID.randomUUID().toString());
    static final SftpTestServer SERVER = SftpTestServer.start(DIRECTORY);
    static final Path WORK = Path.of("target", "sftp-delivery-test", "work");
    static final AtomicBoolean FAIL_RECORDING_ONCE = new AtomicBoolean();

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("test.sftp.port", SERVER::port);
        registry.add("knooppunt.sftp.private-key", () -> SERVER.privateKey().toAbsolutePath().toString());
        registry.add("knooppunt.sftp.known-hosts", () -> SERVER.knownHosts().toAbsolutePath().toString());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(MONDAY_MORNING);
        }

        /** The process "dies" after the upload, before the delivery is recorded: the fact rolls back. */
        @Bean
        DeliveryListener crashBeforeRecording() {
            return new DeliveryListener() {
                @Override
                public void delivered(DeliveryEvent event) {
                    if (FAIL_RECORDING_ONCE.compareAndSet(true, false)) {
                        throw new IllegalStateException("killed before the delivery was recorded");
                    }
                }
            };
        }
    }

    @Autowired MutableClock clock;
    @Autowired BatchSender sender;
    @Autowired OutboundMessages messages;
    @Autowired DossierService dossiers;
    @Autowired SaldoInventory saldoInventory;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired TlsMaterial tls;
    @Autowired SftpChannel channel;
    @Autowired BatchMessages batchMessages;
    @Autowired ParticipantRepository participants;

    @BeforeEach
    void freshServer() throws IOException {
        SERVER.resume();
        FAIL_RECORDING_ONCE.set(false);
        for (String base : List.of("creditor-csv", "creditor-xml", "creditor-encrypted")) {
            deleteTree(SERVER.root().resolve(base));
        }
        jdbc.sql("truncate outbound_message_action, delivery_attempt, batch_member, outbound_batch, outbound_message")
                .update();
        clock.set(MONDAY_MORNING);
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Test
    void aCsvBatchArrivesAsOneSignedFileWithItsDoneFileUnderItsFinalNames() throws Exception {
        List<UUID> queued = saldoverzoekenFor(CSV_CREDITOR, 3);

        assertThat(sender.sendDueBatches(CSV_CREDITOR)).isEqualTo(1);

        String name = CSV_CREDITOR + "_Saldoverzoek_" + batchId() + "_" + BATCH_TIME + ".csv";
        assertThat(filesIn("creditor-csv")).as("data, signature and done-file; no temporary file")
                .containsExactlyInAnyOrder(name, name + ".p7s", name + ".done");
        Path batches = batches("creditor-csv");
        assertThat(Files.size(batches.resolve(name + ".done"))).isZero();
        byte[] csv = Files.readAllBytes(batches.resolve(name));
        assertUtf8(csv);
        assertThat(new String(csv, StandardCharsets.UTF_8)).as("the client's name, in UTF-8").contains("Ünal");
        assertThat(references(CsvMessageCodec.forType(MessageType.SALDOVERZOEK), csv))
                .containsExactlyInAnyOrderElementsOf(queued);
        assertThat(queued).allSatisfy(reference -> {
            assertThat(status(reference)).isEqualTo(OutboundStatus.DELIVERED);
            assertThat(messages.attempts(reference)).extracting(DeliveryAttemptView::outcome)
                    .containsExactly(AttemptOutcome.DELIVERED);
        });
        assertThat(workFiles()).as("local temporary files are gone").isEmpty();
    }

    @Test
    void theSignatureVerifiesAgainstTheGatewaysCertificateWithTheGatewayAndWithOpenssl() throws Exception {
        saldoverzoekenFor(CSV_CREDITOR, 2);
        sender.sendDueBatches(CSV_CREDITOR);
        Path batches = batches("creditor-csv");
        Path data = batches.resolve(CSV_CREDITOR + "_Saldoverzoek_" + batchId() + "_" + BATCH_TIME + ".csv");

        VerifiedSignature verified = verify(Files.readAllBytes(data), Path.of(data + ".p7s"));
        assertThat(verified).isNotNull();

        Assumptions.assumeTrue(onPath("openssl"), "openssl is not on the PATH: the openssl cms -verify check is skipped");
        Process openssl = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER",
                "-in", data + ".p7s", "-content", data.toString(),
                "-CAfile", TestTls.PKI.resolve("ca/root-ca.pem").toString(), "-purpose", "any", "-out", "/dev/null")
                .redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(output).isZero();
        assertThat(output).contains("Verification successful");
    }

    @Test
    void anXmlCreditorGetsTheContractsBatchWithItsHeader() throws Exception {
        List<UUID> queued = saldoverzoekenFor(XML_CREDITOR, 2);

        assertThat(sender.sendDueBatches(XML_CREDITOR)).isEqualTo(1);

        String name = XML_CREDITOR + "_Saldoverzoek_" + batchId() + "_" + BATCH_TIME + ".xml";
        assertThat(filesIn("creditor-xml")).containsExactlyInAnyOrder(name, name + ".p7s", name + ".done");
        Path data = batches("creditor-xml").resolve(name);
        byte[] xml = Files.readAllBytes(data);
        assertUtf8(xml);
        try (BatchReader reader = new XmlMessageCodec().openBatchReader(new ByteArrayInputStream(xml))) {
            assertThat(reader.batchHeader()).hasValueSatisfying(header -> {
                assertThat(header.batchId()).isEqualTo(batchId());
                assertThat(header.ontvangerOin()).isEqualTo(XML_CREDITOR);
                assertThat(header.aantal()).isEqualTo(2);
                assertThat(header.aangemaakt().toInstant()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
            });
        }
        assertThat(references(new XmlMessageCodec(), xml)).containsExactlyInAnyOrderElementsOf(queued);
        verify(xml, Path.of(data + ".p7s"));
    }

    @Test
    void anEncryptedBatchDecryptsWithTheCreditorsKeyAndThenVerifies() throws Exception {
        List<UUID> queued = saldoverzoekenFor(ENCRYPTED_CREDITOR, 2);

        assertThat(sender.sendDueBatches(ENCRYPTED_CREDITOR)).isEqualTo(1);

        String name = ENCRYPTED_CREDITOR + "_Saldoverzoek_" + batchId() + "_" + BATCH_TIME + ".csv";
        assertThat(filesIn("creditor-encrypted"))
                .containsExactlyInAnyOrder(name + ".p7m", name + ".p7s", name + ".p7m.done");
        Path batches = batches("creditor-encrypted");
        byte[] encrypted = Files.readAllBytes(batches.resolve(name + ".p7m"));
        assertThat(new String(encrypted, StandardCharsets.ISO_8859_1)).doesNotContain("Referentienummer");

        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        new CmsDecryptor(creditorIdentity("energieleverancier-stroom")).decrypt(new ByteArrayInputStream(encrypted), plain);
        verify(plain.toByteArray(), batches.resolve(name + ".p7s"));
        assertThat(references(CsvMessageCodec.forType(MessageType.SALDOVERZOEK), plain.toByteArray()))
                .containsExactlyInAnyOrderElementsOf(queued);
    }

    @Test
    void aBatchSentAgainAfterACrashOverwritesTheSameNames() throws Exception {
        List<UUID> queued = saldoverzoekenFor(CSV_CREDITOR, 2);
        FAIL_RECORDING_ONCE.set(true);

        // Uploaded, then "killed" before the delivery was recorded: the batch stays in flight.
        assertThatThrownBy(() -> sender.sendDueBatches(CSV_CREDITOR)).isInstanceOf(Exception.class);
        String name = CSV_CREDITOR + "_Saldoverzoek_" + batchId() + "_" + BATCH_TIME + ".csv";
        assertThat(filesIn("creditor-csv")).containsExactlyInAnyOrder(name, name + ".p7s", name + ".done");
        byte[] first = Files.readAllBytes(batches("creditor-csv").resolve(name));

        // Another sender takes the batch over when the lease ran out, and sends it again, an hour later.
        clock.advance(Duration.ofHours(1));
        assertThat(sender.sendDueBatches(CSV_CREDITOR)).isEqualTo(1);

        assertThat(filesIn("creditor-csv")).as("the same three names, no second file")
                .containsExactlyInAnyOrder(name, name + ".p7s", name + ".done");
        byte[] second = Files.readAllBytes(batches("creditor-csv").resolve(name));
        assertThat(second).as("the same plaintext").isEqualTo(first);
        verify(second, batches("creditor-csv").resolve(name + ".p7s"));
        assertThat(queued).allSatisfy(reference -> {
            assertThat(status(reference)).isEqualTo(OutboundStatus.DELIVERED);
            assertThat(messages.attempts(reference)).extracting(DeliveryAttemptView::outcome)
                    .containsExactly(AttemptOutcome.LEASE_EXPIRED, AttemptOutcome.DELIVERED);
        });
    }

    @Test
    void aServerWithAnotherHostKeyGetsNothing() throws Exception {
        List<UUID> queued = saldoverzoekenFor(CSV_CREDITOR, 1);
        String knownHosts = Files.readString(SERVER.knownHosts());
        try {
            // known_hosts names this host:port with another key: an impostor, or a key that changed.
            SERVER.knownHostsWithAnotherKey(SERVER.knownHosts());

            assertThatThrownBy(() -> sender.sendDueBatches(CSV_CREDITOR)).isInstanceOf(DeliveryFailure.class)
                    .hasMessageContaining("host key");
        } finally {
            Files.writeString(SERVER.knownHosts(), knownHosts);
        }

        assertThat(filesIn("creditor-csv")).isEmpty();
        assertThat(status(queued.get(0))).isEqualTo(OutboundStatus.BATCHED);
        assertThat(messages.attempts(queued.get(0))).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.TRANSPORT_FAILURE);
            assertThat(attempt.detail()).contains("host key").contains("knooppunt.sftp.known-hosts");
        });
        assertThat(workFiles()).isEmpty();
    }

    @Test
    void aHungServerFailsTheAttemptAfterTheReadTimeoutAndTheBatchGoesOnceItRecovers() throws Exception {
        List<UUID> queued = saldoverzoekenFor(CSV_CREDITOR, 1);
        SERVER.stallWrites();

        CompletableFuture<Integer> attempt = CompletableFuture.supplyAsync(() -> {
            try {
                return sender.sendDueBatches(CSV_CREDITOR);
            } catch (DeliveryFailure e) {
                throw new IllegalStateException(e);
            }
        });
        // The read timeout is 2 s in this profile; much later would mean it blocks.
        await().atMost(Duration.ofSeconds(60)).until(attempt::isDone);
        SERVER.resume();
        assertThat(attempt).isCompletedExceptionally();
        assertThat(status(queued.get(0))).isEqualTo(OutboundStatus.BATCHED);
        assertThat(messages.attempts(queued.get(0))).singleElement().satisfies(failed -> {
            assertThat(failed.outcome()).isEqualTo(AttemptOutcome.TRANSPORT_FAILURE);
            assertThat(failed.detail()).contains("timeout").contains("knooppunt.sftp.read-timeout");
        });
        assertThat(workFiles()).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        assertThat(sender.sendDueBatches(CSV_CREDITOR)).isEqualTo(1);
        String name = CSV_CREDITOR + "_Saldoverzoek_" + batchId() + "_" + BATCH_TIME + ".csv";
        assertThat(filesIn("creditor-csv")).containsExactlyInAnyOrder(name, name + ".p7s", name + ".done");
        assertThat(status(queued.get(0))).isEqualTo(OutboundStatus.DELIVERED);
    }

    @Test
    void twoBatchesForOneCreditorAreUploadedOneAfterTheOther() throws Exception {
        // Two message types of one creditor may be delivered at the same time; its server sees one upload.
        int count = 40;
        saldoverzoekenFor(CSV_CREDITOR, count);
        sender.sendDueBatches(CSV_CREDITOR);
        UUID formed = batchId();
        Participant creditor = participants.findByOin(CSV_CREDITOR).orElseThrow();
        Instant createdAt = Instant.parse("2026-11-23T10:00:00Z");
        IntSupplier maxOpen = SERVER.maxFilesOpenAtOnce();

        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID());
        CompletableFuture<?>[] sends = ids.stream().map(id -> CompletableFuture.runAsync(() -> {
            try {
                channel.send(new OutboundBatch(id, creditor, "Saldoverzoek", count, 1, createdAt,
                        () -> batchMessages.open(formed)));
            } catch (DeliveryFailure e) {
                throw new IllegalStateException(e);
            }
        })).toArray(CompletableFuture<?>[]::new);
        CompletableFuture.allOf(sends).get(120, TimeUnit.SECONDS);

        assertThat(maxOpen.getAsInt()).as("one file at a time on the creditor's server").isEqualTo(1);
        for (UUID id : ids) {
            String name = CSV_CREDITOR + "_Saldoverzoek_" + id + "_" + BATCH_TIME + ".csv";
            assertThat(filesIn("creditor-csv")).contains(name, name + ".p7s", name + ".done");
        }
        assertThat(filesIn("creditor-csv")).hasSize(9);
    }

    private VerifiedSignature verify(byte[] content, Path p7s) throws Exception {
        // The dev PKI's CRLs are issued now; the signature is checked at the real time, not the test's clock.
        CmsVerifier verifier = new CmsVerifier(tls.trustStore(), tls.crls(), Clock.systemUTC());
        return verifier.verifyDetached(new ByteArrayInputStream(content), Files.readAllBytes(p7s), GATEWAY_OIN);
    }

    private static CmsIdentity creditorIdentity(String participant) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(TestTls.PKI.resolve("participants").resolve(participant + ".p12"))) {
            store.load(in, TestTls.PASSWORD);
        }
        String alias = java.util.Collections.list(store.aliases()).stream()
                .filter(a -> isKey(store, a)).findFirst().orElseThrow();
        return CmsIdentity.fromKeyStore(store, alias, TestTls.PASSWORD);
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (Exception e) {
            return false;
        }
    }

    private static List<UUID> references(nl.knooppunt.mappings.MessageCodec codec, byte[] file) {
        List<UUID> references = new ArrayList<>();
        try (BatchReader reader = codec.openBatchReader(new ByteArrayInputStream(file))) {
            reader.forEachRemaining(message -> references.add(message.header().referentienummer()));
        }
        return references;
    }

    private static void assertUtf8(byte[] bytes) throws Exception {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static Path batches(String base) {
        return SERVER.root().resolve(base).resolve("batches");
    }

    private static List<String> filesIn(String base) throws IOException {
        Path directory = batches(base);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static List<Path> workFiles() throws IOException {
        if (!Files.isDirectory(WORK)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(WORK)) {
            return files.filter(file -> !file.equals(WORK)).toList();
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private UUID batchId() {
        return jdbc.sql("select id from outbound_batch").query(UUID.class).single();
    }

    /** Submits n dossiers with a claim at the creditor, each queuing its Saldoverzoek; due after an hour. */
    private List<UUID> saldoverzoekenFor(String creditor, int n) {
        List<UUID> references = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID dossierId = tx.execute(s -> {
                UUID id = dossiers.submit(new DossierSubmission(Dossiers.SHV, Dossiers.newReference(),
                        SettlementType.SK, client(), List.of(new DossierSubmission.ClaimSubmission(creditor, null,
                        List.of("F-" + UUID.randomUUID()), new BigDecimal("100.00")))), null, Cause.user("test"))
                        .dossierId();
                saldoInventory.start(id, Cause.system("test"));
                return id;
            });
            references.addAll(messages.findByDossier(dossierId).stream().map(OutboundMessageView::reference).toList());
        }
        clock.advance(Duration.ofHours(1));
        return references;
    }

    private static ClientData client() {
        return new ClientData("K-1", new ClientData.Person("V", "T.", null, null, "Ünal-Testpersoon",
                LocalDate.of(1980, 1, 1), null), null,
                new ClientData.Address("Teststraat", 1, null, null, "1000AA", "Teststad", null, null),
                new ClientData.ContactPerson("Consulent", null, null));
    }

    private OutboundStatus status(UUID reference) {
        return messages.find(reference).orElseThrow().status();
    }
}
