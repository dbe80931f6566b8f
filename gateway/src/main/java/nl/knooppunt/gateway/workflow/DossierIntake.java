package nl.knooppunt.gateway.workflow;

import nl.knooppunt.gateway.dossier.Cause;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.dossier.DossierSubmission;
import nl.knooppunt.gateway.dossier.SubmissionResult;
import nl.knooppunt.gateway.registry.Participant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new dossier from an SHV: registered and its saldo inventory started, in one transaction. A
 * repeated submission returns the existing dossier and starts nothing again.
 */
@Service
public class DossierIntake {

    private final DossierService dossiers;
    private final SaldoInventory saldoInventory;

    DossierIntake(DossierService dossiers, SaldoInventory saldoInventory) {
        this.dossiers = dossiers;
        this.saldoInventory = saldoInventory;
    }

    @Transactional
    public SubmissionResult submit(Participant submitter, DossierSubmission submission, String idempotencyKey) {
        SubmissionResult result = dossiers.submitAs(submitter, submission, idempotencyKey);
        if (result.created()) {
            saldoInventory.start(result.dossierId(), Cause.system("intake"));
        }
        return result;
    }
}
