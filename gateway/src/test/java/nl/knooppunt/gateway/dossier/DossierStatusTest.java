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
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of dossier statuses: the allowed ones pass, every other one is refused. */
class DossierStatusTest {

    /** The process as the SHV and creditors live it; written out here independently of the enum. */
    private static final Set<List<DossierStatus>> EXPECTED_ALLOWED = Set.of(
            List.of(RECEIVED, SALDO_INVENTORY),
            List.of(RECEIVED, WITHDRAWN),
            List.of(SALDO_INVENTORY, PROPOSAL_READY),
            List.of(SALDO_INVENTORY, WITHDRAWN),
            List.of(PROPOSAL_READY, PROPOSAL_SENT),
            List.of(PROPOSAL_READY, AGREED),
            List.of(PROPOSAL_READY, WITHDRAWN),
            List.of(PROPOSAL_SENT, AGREED),
            List.of(PROPOSAL_SENT, RECONSIDERATION),
            List.of(PROPOSAL_SENT, REJECTED),
            List.of(PROPOSAL_SENT, WITHDRAWN),
            List.of(RECONSIDERATION, AGREED),
            List.of(RECONSIDERATION, REJECTED),
            List.of(RECONSIDERATION, WITHDRAWN),
            List.of(AGREED, COMPLETED),
            List.of(AGREED, TERMINATED));

    static Stream<Arguments> allowed() {
        return EXPECTED_ALLOWED.stream().map(t -> Arguments.of(t.get(0), t.get(1)));
    }

    static Stream<Arguments> forbidden() {
        List<Arguments> pairs = new ArrayList<>();
        for (DossierStatus from : DossierStatus.values()) {
            for (DossierStatus to : DossierStatus.values()) {
                if (!EXPECTED_ALLOWED.contains(List.of(from, to))) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} is allowed")
    @MethodSource("allowed")
    void allowedTransitionPasses(DossierStatus from, DossierStatus to) {
        assertThat(DossierStatus.TRANSITIONS.isAllowed(from, to)).isTrue();
        assertThatCode(() -> DossierStatus.TRANSITIONS.check(from, to)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @MethodSource("forbidden")
    void forbiddenTransitionIsRefused(DossierStatus from, DossierStatus to) {
        assertThat(DossierStatus.TRANSITIONS.isAllowed(from, to)).isFalse();
        assertThatThrownBy(() -> DossierStatus.TRANSITIONS.check(from, to))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining(from.name())
                .hasMessageContaining(to.name());
    }

    @Test
    void onlyFinalStatusesCloseADossier() {
        assertThat(Stream.of(DossierStatus.values()).filter(DossierStatus::isClosed))
                .containsExactlyInAnyOrder(COMPLETED, TERMINATED, REJECTED, WITHDRAWN);
    }

    @Test
    void everyStatusIsReachableFromReceived() {
        Set<DossierStatus> reached = new java.util.HashSet<>(Set.of(RECEIVED));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (DossierStatus s : Set.copyOf(reached)) {
                grew |= reached.addAll(DossierStatus.TRANSITIONS.allowedFrom(s));
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(DossierStatus.values());
    }
}
