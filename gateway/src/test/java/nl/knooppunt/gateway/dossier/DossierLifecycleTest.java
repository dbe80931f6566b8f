package nl.knooppunt.gateway.dossier;

import static nl.knooppunt.gateway.dossier.DossierStatus.AGREED;
import static nl.knooppunt.gateway.dossier.DossierStatus.COMPLETED;
import static nl.knooppunt.gateway.dossier.DossierStatus.PROPOSAL_READY;
import static nl.knooppunt.gateway.dossier.DossierStatus.PROPOSAL_SENT;
import static nl.knooppunt.gateway.dossier.DossierStatus.RECEIVED;
import static nl.knooppunt.gateway.dossier.DossierStatus.RECONSIDERATION;
import static nl.knooppunt.gateway.dossier.DossierStatus.REJECTED;
import static nl.knooppunt.gateway.dossier.DossierStatus.SALDO_INVENTORY;
import static nl.knooppunt.gateway.dossier.DossierStatus.TERMINATED;
import static nl.knooppunt.gateway.dossier.DossierStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import nl.knooppunt.gateway.shared.IllegalTransitionException;
import nl.knooppunt.gateway.support.GatewayTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A dossier's lifecycle as the process runs it (docs/architecture.md, "Dossier states"), driven
 * through {@link StatusService} on PostgreSQL: a dossier walks every path the process knows, step
 * by step, and from every status every move that no path makes is tried and refused. The paths are
 * written here from the process, not read from {@link DossierStatus#TRANSITIONS}.
 */
@GatewayTest
class DossierLifecycleTest {

    /** Every way a dossier goes, from submission to where it ends. */
    static final Map<String, List<DossierStatus>> PATHS = new LinkedHashMap<>();

    static {
        PATHS.put("settled by a proposal and completed",
                List.of(RECEIVED, SALDO_INVENTORY, PROPOSAL_READY, PROPOSAL_SENT, AGREED, COMPLETED));
        PATHS.put("every creditor agreed up front; the settlement later ended early",
                List.of(RECEIVED, SALDO_INVENTORY, PROPOSAL_READY, AGREED, TERMINATED));
        PATHS.put("agreed after reconsideration",
                List.of(RECEIVED, SALDO_INVENTORY, PROPOSAL_READY, PROPOSAL_SENT, RECONSIDERATION, AGREED, COMPLETED));
        PATHS.put("still rejected after reconsideration",
                List.of(RECEIVED, SALDO_INVENTORY, PROPOSAL_READY, PROPOSAL_SENT, RECONSIDERATION, REJECTED));
        PATHS.put("proposal rejected", List.of(RECEIVED, SALDO_INVENTORY, PROPOSAL_READY, PROPOSAL_SENT, REJECTED));
        // The SHV can withdraw a dossier at any time before agreement.
        PATHS.put("withdrawn on receipt", List.of(RECEIVED, WITHDRAWN));
        PATHS.put("withdrawn during the saldo inventory", List.of(RECEIVED, SALDO_INVENTORY, WITHDRAWN));
        PATHS.put("withdrawn with the proposal ready", List.of(RECEIVED, SALDO_INVENTORY, PROPOSAL_READY, WITHDRAWN));
        PATHS.put("withdrawn while the proposal is out",
                List.of(RECEIVED, SALDO_INVENTORY, PROPOSAL_READY, PROPOSAL_SENT, WITHDRAWN));
        PATHS.put("withdrawn during reconsideration",
                List.of(RECEIVED, SALDO_INVENTORY, PROPOSAL_READY, PROPOSAL_SENT, RECONSIDERATION, WITHDRAWN));
    }

    /** Where a dossier ends: nothing moves it on, and its personal data's retention period starts. */
    static final Set<DossierStatus> FINAL = EnumSet.of(COMPLETED, TERMINATED, REJECTED, WITHDRAWN);

    @Autowired DossierService dossiers;
    @Autowired StatusService statuses;
    @Autowired TransactionTemplate tx;

    @TestFactory
    Stream<DynamicTest> everyPathOfTheProcessCanBeWalked() {
        return PATHS.entrySet().stream().map(path -> DynamicTest.dynamicTest(path.getKey(), () -> {
            UUID id = LifecycleDossiers.submit(dossiers);
            List<DossierStatus> steps = path.getValue();
            for (int i = 1; i < steps.size(); i++) {
                DossierStatus from = steps.get(i - 1);
                DossierStatus to = steps.get(i);
                Cause cause = Cause.user("shv-" + i);
                tx.executeWithoutResult(s -> statuses.changeDossier(id, to, cause, "step"));

                Dossier dossier = dossiers.get(id).dossier();
                assertThat(dossier.status()).isEqualTo(to);
                assertThat(dossier.closedAt()).as("closed at %s", to).matches(at -> (at != null) == FINAL.contains(to));
                assertThat(dossierHistory(id)).last().satisfies(change -> {
                    assertThat(change.fromStatus()).isEqualTo(from.name());
                    assertThat(change.toStatus()).isEqualTo(to.name());
                    assertThat(change.cause()).isEqualTo(cause);
                });
            }
            assertThat(dossierHistory(id)).extracting(StatusChange::toStatus)
                    .containsExactlyElementsOf(steps.stream().map(Enum::name).toList());
        }));
    }

    /**
     * From each status, every move no path makes is refused and changes nothing: skipping a step,
     * going back, leaving a final status, withdrawing after agreement — and also going back from
     * RECONSIDERATION to PROPOSAL_SENT, which the architecture diagram draws but neither state
     * machine supports (rejecting claims cannot be sent a new proposal).
     */
    @TestFactory
    Stream<DynamicTest> everyOtherMoveIsRefusedAndChangesNothing() {
        Map<DossierStatus, Set<DossierStatus>> allowed = movesOnPaths();
        return Stream.of(DossierStatus.values()).map(from -> DynamicTest.dynamicTest("from " + from, () -> {
            UUID id = LifecycleDossiers.submit(dossiers);
            List<DossierStatus> way = wayTo(from);
            for (DossierStatus step : way.subList(1, way.size())) {
                tx.executeWithoutResult(s -> statuses.changeDossier(id, step, Cause.system("test"), null));
            }
            Dossier before = dossiers.get(id).dossier();
            int historyBefore = dossiers.get(id).history().size();
            List<DossierStatus> forbidden = new ArrayList<>(EnumSet.complementOf(
                    EnumSet.copyOf(allowed.getOrDefault(from, EnumSet.noneOf(DossierStatus.class)))));

            for (DossierStatus to : forbidden) {
                assertThatThrownBy(() -> tx.executeWithoutResult(s ->
                        statuses.changeDossier(id, to, Cause.system("test"), null)))
                        .as("%s -> %s", from, to)
                        .isInstanceOfSatisfying(IllegalTransitionException.class, refused -> {
                            assertThat(refused.from()).isEqualTo(from.name());
                            assertThat(refused.to()).isEqualTo(to.name());
                        });
            }
            Dossier after = dossiers.get(id).dossier();
            assertThat(after.status()).isEqualTo(from);
            assertThat(after.closedAt()).isEqualTo(before.closedAt());
            assertThat(dossiers.get(id).history()).hasSize(historyBefore);
        }));
    }

    private List<StatusChange> dossierHistory(UUID id) {
        return dossiers.get(id).history().stream().filter(StatusChange::isDossierChange).toList();
    }

    private static Map<DossierStatus, Set<DossierStatus>> movesOnPaths() {
        Map<DossierStatus, Set<DossierStatus>> moves = new LinkedHashMap<>();
        PATHS.values().forEach(path -> {
            for (int i = 1; i < path.size(); i++) {
                moves.computeIfAbsent(path.get(i - 1), s -> EnumSet.noneOf(DossierStatus.class)).add(path.get(i));
            }
        });
        return moves;
    }

    /** The start of the first path through the status: how a dossier gets there. */
    private static List<DossierStatus> wayTo(DossierStatus status) {
        return PATHS.values().stream().filter(path -> path.contains(status)).findFirst()
                .map(path -> path.subList(0, path.indexOf(status) + 1))
                .orElseThrow(() -> new AssertionError("No path of the process reaches " + status));
    }
}
