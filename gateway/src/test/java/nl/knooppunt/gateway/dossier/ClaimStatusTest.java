package nl.knooppunt.gateway.dossier;

import static nl.knooppunt.gateway.dossier.ClaimStatus.ACCEPTED;
import static nl.knooppunt.gateway.dossier.ClaimStatus.NEW;
import static nl.knooppunt.gateway.dossier.ClaimStatus.NO_COOPERATION;
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
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of claim statuses: the allowed ones pass, every other one is refused. */
class ClaimStatusTest {

    private static final Set<List<ClaimStatus>> EXPECTED_ALLOWED = Set.of(
            List.of(NEW, SALDO_REQUESTED),
            List.of(NEW, WITHDRAWN),
            List.of(SALDO_REQUESTED, SALDO_CONFIRMED),
            List.of(SALDO_REQUESTED, PRE_AGREED),
            List.of(SALDO_REQUESTED, NO_COOPERATION),
            List.of(SALDO_REQUESTED, WITHDRAWN),
            List.of(SALDO_CONFIRMED, PROPOSAL_SENT),
            List.of(SALDO_CONFIRMED, WITHDRAWN),
            List.of(PRE_AGREED, PROPOSAL_SENT),
            List.of(PRE_AGREED, SETTLED),
            List.of(PRE_AGREED, WITHDRAWN),
            List.of(NO_COOPERATION, SALDO_REQUESTED),
            List.of(NO_COOPERATION, WITHDRAWN),
            List.of(PROPOSAL_SENT, ACCEPTED),
            List.of(PROPOSAL_SENT, REJECTED),
            List.of(PROPOSAL_SENT, WITHDRAWN),
            List.of(REJECTED, RECONSIDERATION_REQUESTED),
            List.of(REJECTED, WITHDRAWN),
            List.of(RECONSIDERATION_REQUESTED, ACCEPTED),
            List.of(RECONSIDERATION_REQUESTED, REJECTED),
            List.of(RECONSIDERATION_REQUESTED, WITHDRAWN),
            List.of(ACCEPTED, SETTLED),
            List.of(ACCEPTED, WITHDRAWN),
            List.of(SETTLED, TERMINATED));

    static Stream<Arguments> allowed() {
        return EXPECTED_ALLOWED.stream().map(t -> Arguments.of(t.get(0), t.get(1)));
    }

    static Stream<Arguments> forbidden() {
        List<Arguments> pairs = new ArrayList<>();
        for (ClaimStatus from : ClaimStatus.values()) {
            for (ClaimStatus to : ClaimStatus.values()) {
                if (!EXPECTED_ALLOWED.contains(List.of(from, to))) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} is allowed")
    @MethodSource("allowed")
    void allowedTransitionPasses(ClaimStatus from, ClaimStatus to) {
        assertThat(ClaimStatus.TRANSITIONS.isAllowed(from, to)).isTrue();
        assertThatCode(() -> ClaimStatus.TRANSITIONS.check(from, to)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @MethodSource("forbidden")
    void forbiddenTransitionIsRefused(ClaimStatus from, ClaimStatus to) {
        assertThat(ClaimStatus.TRANSITIONS.isAllowed(from, to)).isFalse();
        assertThatThrownBy(() -> ClaimStatus.TRANSITIONS.check(from, to))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void terminalStatusesAreTheEndsOfTheProcess() {
        assertThat(Stream.of(ClaimStatus.values()).filter(ClaimStatus.TRANSITIONS::isTerminal))
                .containsExactlyInAnyOrder(TERMINATED, WITHDRAWN);
    }

    @Test
    void everyStatusIsReachableFromNew() {
        Set<ClaimStatus> reached = new HashSet<>(Set.of(NEW));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ClaimStatus s : Set.copyOf(reached)) {
                grew |= reached.addAll(ClaimStatus.TRANSITIONS.allowedFrom(s));
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(ClaimStatus.values());
    }
}
