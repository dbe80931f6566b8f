package nl.knooppunt.gateway.dossier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.knooppunt.gateway.support.Dossiers;

/** A freshly registered dossier (RECEIVED) with one claim (NEW), for the lifecycle tests. */
final class LifecycleDossiers {

    private LifecycleDossiers() {}

    static UUID submit(DossierService dossiers) {
        ClientData client = new ClientData("K-7", new ClientData.Person("V", "L.", null, null, "Levensloop",
                LocalDate.of(1975, 5, 5), null), null,
                new ClientData.Address("Padweg", 3, null, null, "1000AA", "Teststad", null, null),
                new ClientData.ContactPerson("Consulent", null, null));
        return dossiers.submit(new DossierSubmission(Dossiers.SHV, Dossiers.newReference(), SettlementType.SK, client,
                List.of(new DossierSubmission.ClaimSubmission(Dossiers.CREDITOR_MAILBOX, null, List.of("F-1"),
                        new BigDecimal("10.00")))), null, Cause.user("test")).dossierId();
    }
}
