package nl.knooppunt.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.knooppunt.contract.support.ContractPki;
import nl.knooppunt.contract.support.CreditorSoapSimulator;
import nl.knooppunt.contract.support.ForkedGateway;
import nl.knooppunt.gateway.KnooppuntApplication;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.DossierSubmission;
import nl.knooppunt.gateway.dossier.SettlementType;
import nl.knooppunt.gateway.outbound.NewOutboundMessage;
import nl.knooppunt.gateway.outbound.Outbox;
import nl.knooppunt.gateway.privacy.PersonalDataCipher;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.workflow.DossierIntake;
import nl.knooppunt.mappings.xml.jaxb.BatchHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch of 20,000 Saldoverzoeken goes through the real SOAP channel, signed over mutual TLS, to
 * a creditor's CXF service, sent by a gateway whose heap (160 MB) could not hold the batch whole:
 * as JAXB objects and the signed DOM of one envelope it takes several times that. The channel sends
 * it in parts, each holding only a bounded number of messages, so the gateway neither dies nor
 * sends anything twice. (Were the batch collected in one request, the forked JVM would exit with
 * OutOfMemoryError and the test fail.)
 */
@SpringBootTest(classes = KnooppuntApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("contract")
class SoapLargeBatchContractTest {

    static final int MESSAGES = Integer.getInteger("knooppunt.large-batch.messages", 20_000);
    static final String HEAP = System.getProperty("knooppunt.large-batch.heap", "160m");

    static final CreditorSoapSimulator CREDITORS = CreditorSoapSimulator.start(List.of(ContractPki.SOAP_CREDITOR),
            List.of());

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        settings().forEach((name, value) -> registry.add(name, () -> value));
        // Only the forked gateway sends.
        registry.add("knooppunt.outbound.enabled", () -> "false");
    }

    /** The participants and TLS material both gateways share. */
    static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        ContractPki.register((name, value) -> settings.put(name, String.valueOf(value.get())));
        settings.put("knooppunt.registry.participants[0].oin", ContractPki.oin(ContractPki.SHV));
        settings.put("knooppunt.registry.participants[0].kind", "SHV");
        settings.put("knooppunt.registry.participants[0].name", ContractPki.SHV);
        String creditor = "knooppunt.registry.participants[1].";
        settings.put(creditor + "oin", ContractPki.oin(ContractPki.SOAP_CREDITOR));
        settings.put(creditor + "kind", "CREDITOR");
        settings.put(creditor + "name", ContractPki.SOAP_CREDITOR);
        settings.put(creditor + "channel.type", "SOAP");
        settings.put(creditor + "channel.endpoint", CREDITORS.endpoint(ContractPki.SOAP_CREDITOR));
        settings.put(creditor + "channel.schedule", "0 0 6 1 1 ?");
        settings.put(creditor + "channel.max-wait", "PT1S");
        settings.put(creditor + "channel.max-batch-size", String.valueOf(MESSAGES + 1));
        return settings;
    }

    @Autowired HikariDataSource dataSource;
    @Autowired DossierIntake intake;
    @Autowired ParticipantRepository participants;
    @Autowired Outbox outbox;
    @Autowired PersonalDataCipher cipher;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    @AfterAll
    static void stopCreditors() throws Exception {
        CREDITORS.close();
    }

    @Test
    void aBatchFarLargerThanTheSendersHeapReachesTheCreditorWhole() throws Exception {
        Set<UUID> queued = queueSaldoverzoeken();
        Map<String, String> forked = new LinkedHashMap<>(settings());
        forked.put("spring.profiles.active", "contract");
        forked.put("spring.datasource.url", dataSource.getJdbcUrl());
        forked.put("spring.datasource.username", "postgres");
        forked.put("spring.datasource.password", "postgres");
        forked.put("knooppunt.outbound.tick", "200ms");
        forked.put("knooppunt.instance-id", "small-heap-sender");

        try (ForkedGateway sender = ForkedGateway.start(HEAP, forked)) {
            await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                if (!sender.isAlive()) {
                    throw new IllegalStateException("The small-heap gateway died:\n" + sender.output());
                }
                assertThat(jdbc.sql("select count(*) from outbound_message where status = 'DELIVERED'")
                        .query(Long.class).single()).isEqualTo(queued.size());
            });
        }

        List<CreditorSoapSimulator.Received> parts = CREDITORS.receivedBy(ContractPki.SOAP_CREDITOR);
        Set<UUID> received = new HashSet<>();
        long messages = 0;
        for (CreditorSoapSimulator.Received part : parts) {
            BatchHeader header = part.batch().getBatchHeader();
            assertThat(header.getAantal()).isEqualTo(part.messages().size());
            part.messages().forEach(m -> received.add(m.getHeader().getReferentienummer()));
            messages += part.messages().size();
        }
        assertThat(received).isEqualTo(queued);
        assertThat(messages).as("no message sent twice").isEqualTo(queued.size());
        assertThat(parts).as("one batch, in parts").hasSizeGreaterThan(1);
        assertThat(parts).extracting(p -> p.batch().getBatchHeader().getBatchId()).containsOnly(
                parts.get(0).batch().getBatchHeader().getBatchId());
        assertThat(parts).extracting(p -> p.batch().getBatchHeader().getDeel())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, parts.size()).boxed().toList());
        assertThat(parts).extracting(p -> p.batch().getBatchHeader().getAantalDelen()).containsOnly(parts.size());
    }

    /**
     * One dossier through the real intake gives a real Saldoverzoek; the rest of the batch are copies
     * of it under new Referentienummers, queued through the real outbox.
     */
    private Set<UUID> queueSaldoverzoeken() {
        var shv = participants.findByOin(ContractPki.oin(ContractPki.SHV)).orElseThrow();
        ClientData client = new ClientData("K-1", new ClientData.Person("M", "P.", null, null, "Grootbatch",
                LocalDate.of(1979, 11, 30), null), null,
                new ClientData.Address("Contractlaan", 7, null, null, "3511AA", "Teststad", null, null),
                new ClientData.ContactPerson("C. Consulent", null, null));
        intake.submit(shv, new DossierSubmission(shv.oin().value(), "GROOT-" + UUID.randomUUID(), SettlementType.SK,
                client, List.of(new DossierSubmission.ClaimSubmission(ContractPki.oin(ContractPki.SOAP_CREDITOR), null,
                        List.of("NOTA-1"), new BigDecimal("410.00")))), null);
        record Original(UUID reference, UUID conversationRef, UUID dossierId, UUID claimId, UUID recipientId,
                        byte[] payload) {}
        Original original = jdbc.sql("""
                        select reference, conversation_ref, dossier_id, claim_id, recipient_id, payload from outbound_message
                        """)
                .query((rs, n) -> new Original(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                        rs.getBytes(6)))
                .single();
        String xml = new String(cipher.decrypt(original.payload(), "outbound:" + original.reference()),
                StandardCharsets.UTF_8);
        assertThat(xml).contains(original.reference().toString());

        Set<UUID> queued = new HashSet<>(Set.of(original.reference()));
        for (int chunk = 0; chunk < MESSAGES; chunk += 2_000) {
            int size = Math.min(2_000, MESSAGES - chunk);
            tx.executeWithoutResult(status -> {
                for (int i = 0; i < size; i++) {
                    UUID reference = UUID.randomUUID();
                    outbox.enqueue(new NewOutboundMessage(reference, original.conversationRef(), null, "Saldoverzoek",
                            original.dossierId(), original.claimId(), shv.id(), original.recipientId(),
                            xml.replace(original.reference().toString(), reference.toString())
                                    .getBytes(StandardCharsets.UTF_8)));
                    queued.add(reference);
                }
            });
        }
        return queued;
    }
}
