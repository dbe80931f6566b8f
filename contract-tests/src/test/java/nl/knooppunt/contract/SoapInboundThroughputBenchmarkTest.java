package nl.knooppunt.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.knooppunt.contract.support.Answers;
import nl.knooppunt.contract.support.ContractPki;
import nl.knooppunt.contract.support.GatewaySoapClient;
import nl.knooppunt.mappings.soap.KnooppuntPortType;
import nl.knooppunt.mappings.soap.SoapMessages;
import nl.knooppunt.mappings.soap.types.Resultaat;
import nl.knooppunt.mappings.soap.types.Resultaatcode;
import nl.knooppunt.mappings.soap.types.VerstuurBerichtenVerzoek;
import nl.knooppunt.mappings.xml.jaxb.Bericht;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test but a measurement for docs/performance.md, run only on demand
 * ({@code -Dknooppunt.benchmark.inbound=true}): the wall time of one VerstuurBerichten call with
 * 500 Saldoverzoek antwoorden, each answering a Saldoverzoek that was really delivered, against the
 * gateway on its durable embedded database ({@code -Dknooppunt.benchmark.all-or-nothing=true} sends
 * them with AllesOfNiets). One warm-up call, then {@code knooppunt.benchmark.rounds}
 * measured calls; each round answers 500 fresh dossiers. Nothing about speed is asserted: only that
 * every answer was accepted, so the number measures real work.
 */
@EnabledIfSystemProperty(named = "knooppunt.benchmark.inbound", matches = "true")
class SoapInboundThroughputBenchmarkTest extends SoapContractTestBase {

    private static final int ANSWERS = Integer.getInteger("knooppunt.benchmark.answers", 500);
    private static final int ROUNDS = Integer.getInteger("knooppunt.benchmark.rounds", 3);
    /** Measures the all-or-nothing mode (AllesOfNiets) instead of the default, each on its own. */
    private static final boolean ALL_OR_NOTHING = Boolean.getBoolean("knooppunt.benchmark.all-or-nothing");

    @Test
    void applyA500AnswerBatch() throws Exception {
        KnooppuntPortType soap = GatewaySoapClient.as(ContractPki.SOAP_CREDITOR).connect(port);
        List<String> report = new ArrayList<>();
        for (int round = 0; round <= ROUNDS; round++) {
            VerstuurBerichtenVerzoek request = new VerstuurBerichtenVerzoek();
            if (ALL_OR_NOTHING) {
                request.setAllesOfNiets(true);
            }
            SoapMessages.messagesOf(request).addAll(answersToFreshSaldoverzoeken());

            long start = System.nanoTime();
            List<Resultaat> results = soap.verstuurBerichten(request).getResultaat();
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(results).hasSize(ANSWERS).allSatisfy(r -> assertThat(r.getCode()).isEqualTo(Resultaatcode.GEACCEPTEERD));
            report.add("%s: %d answers in %.2f s = %.0f answers/s".formatted(round == 0 ? "warm-up" : "round " + round,
                    ANSWERS, seconds, ANSWERS / seconds));
        }
        report.forEach(line -> System.out.println("INBOUND BENCHMARK " + line));
    }

    /** Submits the dossiers, waits until their Saldoverzoeken reached the SOAP creditor, and answers each. */
    private List<Bericht> answersToFreshSaldoverzoeken() throws Exception {
        Set<String> references = new HashSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> submitted = new ArrayList<>();
            for (int i = 0; i < ANSWERS; i++) {
                submitted.add(pool.submit(() -> submitDossier(ContractPki.SOAP_CREDITOR).at("/messages/0/reference").asText()));
            }
            for (Future<String> f : submitted) {
                references.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.sql(
                "select count(*) from outbound_message where status = 'DELIVERED' and reference in (:refs)")
                .param("refs", references.stream().map(UUID::fromString).toList()).query(Long.class).single() == ANSWERS);
        List<Bericht> answers = CREDITORS.receivedBy(ContractPki.SOAP_CREDITOR).stream()
                .flatMap(r -> r.messages().stream())
                .filter(m -> references.remove(m.getHeader().getReferentienummer().toString()))
                .map(m -> Answers.saldoverzoekAntwoord(m, new BigDecimal("123.45")))
                .toList();
        assertThat(answers).hasSize(ANSWERS);
        return answers;
    }
}
