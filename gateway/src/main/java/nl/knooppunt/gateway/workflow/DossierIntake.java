package nl.knooppunt.gateway.workflow;

import nl.knooppunt.gateway.dossier.Cause;
import nl.knooppunt.gateway.dossier.DossierService;
import nl.knooppunt.gateway.dossier.DossierSubmission;
import nl.knooppunt.gateway.dossier.SubmissionResult;
import nl.knooppunt.gateway.registry.Participant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new dossier from an SHV: registered, a Kennisgeving queued to every creditor when the SHV asks
 * for it, and its saldo inventory started, in one transaction. A repeated submission returns the
 * existing dossier and starts nothing again.
 */
@Service
public class DossierIntake {

    private final DossierService dossiers;
    private final SaldoInventory saldoInventory;
    private final Kennisgevingen kennisgevingen;

    DossierIntake(DossierService dossiers, SaldoInventory saldoInventory, Kennisgevingen kennisgevingen) {
        this.dossiers = dossiers;
        this.saldoInventory = saldoInventory;
        this.kennisgevingen = kennisgevingen;
    }

    @Transactional
    public SubmissionResult submit(Participant submitter, DossierSubmission submission, String idempotencyKey) {
        SubmissionResult result = dossiers.submitAs(submitter, submission, idempotencyKey);
        if (result.created()) {
            if (submission.kennisgeving()) {
                // Before the Saldoverzoek: the creditor reads the pauzeknop first (item 7).
                kennisgevingen.queue(result.dossierId());
            }
            saldoInventory.start(result.dossierId(), Cause.system("intake"));
        }
        return result;
    }
}
