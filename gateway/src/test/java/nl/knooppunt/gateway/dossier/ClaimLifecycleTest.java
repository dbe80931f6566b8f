package nl.knooppunt.gateway.dossier;

import static nl.knooppunt.gateway.dossier.ClaimStatus.ACCEPTED;
import static nl.knooppunt.gateway.dossier.ClaimStatus.NEW;
import static nl.knooppunt.gateway.dossier.ClaimStatus.NO_COOPERATION;
import static nl.knooppunt.gateway.dossier.ClaimStatus.NO_DEBT;
import static nl.knooppunt.gateway.dossier.ClaimStatus.NOT_REACHED;
import static nl.knooppunt.gateway.dossier.ClaimStatus.OVERDUE;
import static nl.knooppunt.gateway.dossier.ClaimStatus.PASSED_OVER;
import static nl.knooppunt.gateway.dossier.ClaimStatus.PRE_AGREED;
import static nl.knooppunt.gateway.dossier.ClaimStatus.PROPOSAL_SENT;
import static nl.knooppunt.gateway.dossier.ClaimStatus.RECONSIDERATION_REQUESTED;
import static nl.knooppunt.gateway.dossier.ClaimStatus.REJECTED;
import static nl.knooppunt.gateway.dossier.ClaimStatus.SALDO_CONFIRMED;
import static nl.knooppunt.gateway.dossier.ClaimStatus.SALDO_REQUESTED;
import static nl.knooppunt.gateway.dossier.ClaimStatus.SETTLED;
import static nl.knooppunt.gateway.dossier.ClaimStatus.TERMINATED;
import static nl.knooppunt.gateway.dossier.ClaimStatus.WITHDRAWN;
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
 * A claim's lifecycle as the process runs it between the SHV and one creditor (docs/architecture.md,
 * "Claim states"), driven through {@link StatusService} on PostgreSQL: a claim walks every path the
 * process knows, step by step, and from every status every move that no path makes is tried and
 * refused. The paths are written here from the process, not read from {@link ClaimStatus#TRANSITIONS}.
 */
@GatewayTest
class ClaimLifecycleTest {

    /** Every way a claim goes, from registration to where it ends. */
    static final Map<String, List<ClaimStatus>> PATHS = new LinkedHashMap<>();

    static {
        PATHS.put("saldo stated, proposal accepted, settled, settlement ended",
                List.of(NEW, SALDO_REQUESTED, SALDO_CONFIRMED, PROPOSAL_SENT, ACCEPTED, SETTLED, TERMINATED));
        PATHS.put("agreed up front and settled without a proposal",
                List.of(NEW, SALDO_REQUESTED, PRE_AGREED, SETTLED));
        PATHS.put("agreed up front, sent the proposal all the same, accepted",
                List.of(NEW, SALDO_REQUESTED, PRE_AGREED, PROPOSAL_SENT, ACCEPTED, SETTLED));
        PATHS.put("no cooperation, asked again, then stated",
                List.of(NEW, SALDO_REQUESTED, NO_COOPERATION, SALDO_REQUESTED, SALDO_CONFIRMED));
        PATHS.put("no debt at this creditor (klant onbekend), asked again, then stated",
                List.of(NEW, SALDO_REQUESTED, NO_DEBT, SALDO_REQUESTED, SALDO_CONFIRMED));
        PATHS.put("not reached, then the creditor answers late with its claim",
                List.of(NEW, SALDO_REQUESTED, NOT_REACHED, SALDO_CONFIRMED, PROPOSAL_SENT, ACCEPTED, SETTLED));
        PATHS.put("not reached, then the creditor answers late agreeing up front",
                List.of(NEW, SALDO_REQUESTED, NOT_REACHED, PRE_AGREED));
        PATHS.put("not reached, then the creditor answers late: it will not cooperate",
                List.of(NEW, SALDO_REQUESTED, NOT_REACHED, NO_COOPERATION));
        PATHS.put("not reached, then the creditor answers late: client unknown",
                List.of(NEW, SALDO_REQUESTED, NOT_REACHED, NO_DEBT));
        PATHS.put("not reached, reached after all (resubmitted), then stated",
                List.of(NEW, SALDO_REQUESTED, NOT_REACHED, SALDO_REQUESTED, SALDO_CONFIRMED));
        // No answer within the term (issue 14, item 9): a late answer counts, or the SHV proceeds without it.
        PATHS.put("overdue, then the creditor answers late with its claim",
                List.of(NEW, SALDO_REQUESTED, OVERDUE, SALDO_CONFIRMED, PROPOSAL_SENT, ACCEPTED, SETTLED));
        PATHS.put("overdue, then the creditor answers late agreeing up front",
                List.of(NEW, SALDO_REQUESTED, OVERDUE, PRE_AGREED));
        PATHS.put("overdue, then the creditor answers late: it will not cooperate",
                List.of(NEW, SALDO_REQUESTED, OVERDUE, NO_COOPERATION));
        PATHS.put("overdue, then the creditor answers late: client unknown",
                List.of(NEW, SALDO_REQUESTED, OVERDUE, NO_DEBT));
        PATHS.put("overdue, passed over by the SHV, then the creditor answers late with its claim",
                List.of(NEW, SALDO_REQUESTED, OVERDUE, PASSED_OVER, SALDO_CONFIRMED));
        PATHS.put("passed over, then the creditor answers late agreeing up front",
                List.of(NEW, SALDO_REQUESTED, OVERDUE, PASSED_OVER, PRE_AGREED));
        PATHS.put("passed over, then the creditor answers late: it will not cooperate",
                List.of(NEW, SALDO_REQUESTED, OVERDUE, PASSED_OVER, NO_COOPERATION));
        PATHS.put("passed over, then the creditor answers late: client unknown",
                List.of(NEW, SALDO_REQUESTED, OVERDUE, PASSED_OVER, NO_DEBT));
        PATHS.put("rejected, asked to reconsider, accepted",
                List.of(NEW, SALDO_REQUESTED, SALDO_CONFIRMED, PROPOSAL_SENT, REJECTED, RECONSIDERATION_REQUESTED,
                        ACCEPTED, SETTLED));
        PATHS.put("rejected again after reconsideration, then withdrawn",
                List.of(NEW, SALDO_REQUESTED, SALDO_CONFIRMED, PROPOSAL_SENT, REJECTED, RECONSIDERATION_REQUESTED,
                        REJECTED, WITHDRAWN));
        // Withdrawn (the dossier withdrawn or ended before agreement) from every status before SETTLED.
        PATHS.put("withdrawn when new", List.of(NEW, WITHDRAWN));
        PATHS.put("withdrawn while the saldo is asked", List.of(NEW, SALDO_REQUESTED, WITHDRAWN));
        PATHS.put("withdrawn with the saldo stated", List.of(NEW, SALDO_REQUESTED, SALDO_CONFIRMED, WITHDRAWN));
        PATHS.put("withdrawn after agreeing up front", List.of(NEW, SALDO_REQUESTED, PRE_AGREED, WITHDRAWN));
        PATHS.put("withdrawn after no cooperation", List.of(NEW, SALDO_REQUESTED, NO_COOPERATION, WITHDRAWN));
        PATHS.put("withdrawn after no debt", List.of(NEW, SALDO_REQUESTED, NO_DEBT, WITHDRAWN));
        PATHS.put("withdrawn when not reached", List.of(NEW, SALDO_REQUESTED, NOT_REACHED, WITHDRAWN));
        PATHS.put("withdrawn when overdue", List.of(NEW, SALDO_REQUESTED, OVERDUE, WITHDRAWN));
        PATHS.put("withdrawn when passed over", List.of(NEW, SALDO_REQUESTED, OVERDUE, PASSED_OVER, WITHDRAWN));
        PATHS.put("withdrawn while the proposal is out",
                List.of(NEW, SALDO_REQUESTED, SALDO_CONFIRMED, PROPOSAL_SENT, WITHDRAWN));
        PATHS.put("withdrawn after accepting",
                List.of(NEW, SALDO_REQUESTED, SALDO_CONFIRMED, PROPOSAL_SENT, ACCEPTED, WITHDRAWN));
        PATHS.put("withdrawn during reconsideration",
                List.of(NEW, SALDO_REQUESTED, SALDO_CONFIRMED, PROPOSAL_SENT, REJECTED, RECONSIDERATION_REQUESTED,
                        WITHDRAWN));
    }

    @Autowired DossierService dossiers;
    @Autowired StatusService statuses;
    @Autowired TransactionTemplate tx;

    @TestFactory
    Stream<DynamicTest> everyPathOfTheProcessCanBeWalked() {
        return PATHS.entrySet().stream().map(path -> DynamicTest.dynamicTest(path.getKey(), () -> {
            UUID dossierId = LifecycleDossiers.submit(dossiers);
            UUID claimId = claimOf(dossierId).id();
            List<ClaimStatus> steps = path.getValue();
            for (int i = 1; i < steps.size(); i++) {
                ClaimStatus from = steps.get(i - 1);
                ClaimStatus to = steps.get(i);
                Cause cause = Cause.message(UUID.randomUUID());
                tx.executeWithoutResult(s -> statuses.changeClaim(dossierId, claimId, to, cause, "step"));

                assertThat(claimOf(dossierId).status()).isEqualTo(to);
                assertThat(claimHistory(dossierId, claimId)).last().satisfies(change -> {
                    assertThat(change.fromStatus()).isEqualTo(from.name());
                    assertThat(change.toStatus()).isEqualTo(to.name());
                    assertThat(change.cause()).isEqualTo(cause);
                });
            }
            assertThat(claimHistory(dossierId, claimId)).extracting(StatusChange::toStatus)
                    .containsExactlyElementsOf(steps.stream().map(Enum::name).toList());
            assertThat(dossiers.get(dossierId).dossier().status()).as("the claim moves alone")
                    .isEqualTo(DossierStatus.RECEIVED);
        }));
    }

    /**
     * From each status, every move no path makes is refused and changes nothing: skipping the saldo
     * question, answering twice, settling a claim the creditor never agreed to, reopening a settled,
     * terminated or withdrawn claim.
     */
    @TestFactory
    Stream<DynamicTest> everyOtherMoveIsRefusedAndChangesNothing() {
        Map<ClaimStatus, Set<ClaimStatus>> allowed = movesOnPaths();
        return Stream.of(ClaimStatus.values()).map(from -> DynamicTest.dynamicTest("from " + from, () -> {
            UUID dossierId = LifecycleDossiers.submit(dossiers);
            UUID claimId = claimOf(dossierId).id();
            List<ClaimStatus> way = wayTo(from);
            for (ClaimStatus step : way.subList(1, way.size())) {
                tx.executeWithoutResult(s ->
                        statuses.changeClaim(dossierId, claimId, step, Cause.system("test"), null));
            }
            int historyBefore = dossiers.get(dossierId).history().size();
            List<ClaimStatus> forbidden = new ArrayList<>(EnumSet.complementOf(
                    EnumSet.copyOf(allowed.getOrDefault(from, EnumSet.noneOf(ClaimStatus.class)))));

            for (ClaimStatus to : forbidden) {
                assertThatThrownBy(() -> tx.executeWithoutResult(s ->
                        statuses.changeClaim(dossierId, claimId, to, Cause.system("test"), null)))
                        .as("%s -> %s", from, to)
                        .isInstanceOfSatisfying(IllegalTransitionException.class, refused -> {
                            assertThat(refused.from()).isEqualTo(from.name());
                            assertThat(refused.to()).isEqualTo(to.name());
                        });
            }
            assertThat(claimOf(dossierId).status()).isEqualTo(from);
            assertThat(dossiers.get(dossierId).history()).hasSize(historyBefore);
        }));
    }

    private Claim claimOf(UUID dossierId) {
        return dossiers.get(dossierId).claims().get(0);
    }

    private List<StatusChange> claimHistory(UUID dossierId, UUID claimId) {
        return dossiers.get(dossierId).history().stream().filter(c -> claimId.equals(c.claimId())).toList();
    }

    private static Map<ClaimStatus, Set<ClaimStatus>> movesOnPaths() {
        Map<ClaimStatus, Set<ClaimStatus>> moves = new LinkedHashMap<>();
        PATHS.values().forEach(path -> {
            for (int i = 1; i < path.size(); i++) {
                moves.computeIfAbsent(path.get(i - 1), s -> EnumSet.noneOf(ClaimStatus.class)).add(path.get(i));
            }
        });
        return moves;
    }

    /** The start of the first path through the status: how a claim gets there. */
    private static List<ClaimStatus> wayTo(ClaimStatus status) {
        return PATHS.values().stream().filter(path -> path.contains(status)).findFirst()
                .map(path -> path.subList(0, path.indexOf(status) + 1))
                .orElseThrow(() -> new AssertionError("No path of the process reaches " + status));
    }
}
