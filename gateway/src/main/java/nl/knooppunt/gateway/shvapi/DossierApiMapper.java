package nl.knooppunt.gateway.shvapi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.knooppunt.gateway.dossier.Claim;
import nl.knooppunt.gateway.dossier.ClaimLine;
import nl.knooppunt.gateway.dossier.ClaimStatus;
import nl.knooppunt.gateway.dossier.ClientData;
import nl.knooppunt.gateway.dossier.Dossier;
import nl.knooppunt.gateway.dossier.DossierDetails;
import nl.knooppunt.gateway.dossier.DossierStatus;
import nl.knooppunt.gateway.dossier.DossierSubmission;
import nl.knooppunt.gateway.dossier.DossierSummary;
import nl.knooppunt.gateway.dossier.SettlementType;
import nl.knooppunt.gateway.dossier.StatusChange;
import nl.knooppunt.gateway.outbound.OutboundMessageView;
import nl.knooppunt.gateway.shared.PageOf;
import nl.knooppunt.gateway.workflow.AnswerDeadlines;
import nl.knooppunt.gateway.workflow.NvvkNorm;
import nl.knooppunt.gateway.workflow.Kennisgevingen;

/** Between the API's JSON shapes and the dossier domain. */
final class DossierApiMapper {

    private DossierApiMapper() {}

    static DossierSubmission toSubmission(SubmitDossierRequest r) {
        SubmitDossierRequest.ClientRequest c = r.client();
        ClientData client = new ClientData(c.clientNumberShv(), toPerson(c.person()), toPerson(c.partner()),
                new ClientData.Address(c.address().street(), c.address().houseNumber(), c.address().houseLetter(),
                        c.address().houseNumberAddition(), c.address().postalCode().replace(" ", ""),
                        c.address().city(), c.address().houseboatReference(), c.address().caravanReference()),
                new ClientData.ContactPerson(r.contactPerson().name(), r.contactPerson().phone(),
                        r.contactPerson().email()));
        return new DossierSubmission(r.shvOin(), r.shvReference(), SettlementType.valueOf(r.settlementType()), client,
                r.claims().stream()
                        .map(claim -> new DossierSubmission.ClaimSubmission(claim.creditorOin(),
                                claim.clientNumberAtCreditor(), claim.invoiceNumbers(),
                                claim.amount() == null ? null : new BigDecimal(claim.amount())))
                        .toList(),
                Boolean.TRUE.equals(r.kennisgeving()));
    }

    private static ClientData.Person toPerson(SubmitDossierRequest.PersonRequest p) {
        if (p == null) {
            return null;
        }
        return new ClientData.Person(p.gender(), p.initials(), p.firstNames(), p.surnamePrefix(), p.surname(),
                LocalDate.parse(p.birthDate()), p.bsn());
    }

    private static SubmitDossierRequest.PersonRequest fromPerson(ClientData.Person p) {
        if (p == null) {
            return null;
        }
        return new SubmitDossierRequest.PersonRequest(p.gender(), p.initials(), p.firstNames(), p.surnamePrefix(),
                p.surname(), p.birthDate() == null ? null : p.birthDate().toString(), p.bsn());
    }

    static DossierResponse toResponse(DossierDetails details, List<OutboundMessageView> messages,
                                      Map<UUID, AnswerDeadlines.ClaimDeadline> deadlines, Instant now, ZoneId zone,
                                      Map<UUID, Kennisgevingen.View> kennisgevingen) {
        Dossier d = details.dossier();
        SubmitDossierRequest.ClientRequest client = details.clientData()
                .map(c -> new SubmitDossierRequest.ClientRequest(c.clientNumberShv(), fromPerson(c.client()),
                        fromPerson(c.partner()),
                        new SubmitDossierRequest.AddressRequest(c.address().street(), c.address().houseNumber(),
                                c.address().houseLetter(), c.address().houseNumberAddition(), c.address().postalCode(),
                                c.address().city(), c.address().houseboatReference(), c.address().caravanReference())))
                .orElse(null);
        SubmitDossierRequest.ContactPersonRequest contact = details.clientData()
                .map(ClientData::contactPerson)
                .map(p -> new SubmitDossierRequest.ContactPersonRequest(p.name(), p.phone(), p.email()))
                .orElse(null);
        return new DossierResponse(d.id(), d.shvOin(), d.shvReference(), d.settlementType().name(), d.status().name(),
                d.submittedAt(), d.updatedAt(), d.closedAt(), client, contact, d.personalDataPurgedAt(),
                details.claims().stream().map(c -> toClaim(c, details.linesOf(c.id()), deadlines.get(c.id()),
                        kennisgevingen.get(c.id()))).toList(),
                messages.stream().map(DossierApiMapper::toMessage).toList(),
                details.history().stream().map(DossierApiMapper::toChange).toList(),
                toNorm(details, deadlines, now, zone));
    }

    // -- deadlines (issue 14, item 9)
    private static DossierResponse.Norm120Response toNorm(DossierDetails details,
                                                          Map<UUID, AnswerDeadlines.ClaimDeadline> deadlines,
                                                          Instant now, ZoneId zone) {
        Dossier d = details.dossier();
        Instant stoppedAt = details.history().stream()
                .filter(h -> h.claimId() == null && DossierStatus.AGREED.name().equals(h.toStatus()))
                .map(StatusChange::occurredAt)
                .findFirst()
                .orElse(d.closedAt());
        LocalDate latestOpenDue = details.claims().stream()
                .filter(c -> c.status() == ClaimStatus.SALDO_REQUESTED)
                .map(c -> deadlines.get(c.id()))
                .filter(dl -> dl != null && dl.closedAt() == null)
                .map(AnswerDeadlines.ClaimDeadline::answerDueOn)
                .max(LocalDate::compareTo)
                .orElse(null);
        NvvkNorm.Result norm = NvvkNorm.of(d.submittedAt(), stoppedAt, latestOpenDue, now, zone);
        return new DossierResponse.Norm120Response(norm.startedOn(), norm.daysUsed(), norm.projectedDays(),
                norm.dueOn(), norm.breached(), norm.atRisk(), norm.stopped());
    }

    private static DossierResponse.ClaimResponse toClaim(Claim c, List<ClaimLine> lines,
                                                         AnswerDeadlines.ClaimDeadline deadline,
                                                         Kennisgevingen.View kennisgeving) {
        String confirmed = amount(c.confirmedAmount());
        return new DossierResponse.ClaimResponse(c.id(), c.creditorOin(), c.creditorName(), c.clientNumberAtCreditor(),
                c.invoiceNumbers(), amount(c.amountKnownToShv()), confirmed, confirmed,
                lines.stream().map(DossierApiMapper::toLine).toList(), c.status().name(), c.noCooperationReason(),
                c.conversationReference(), c.updatedAt(),
                deadline == null ? null : deadline.answerDueOn(), deadline == null ? null : deadline.remindedAt(),
                c.status() == ClaimStatus.OVERDUE,
                kennisgeving == null ? null : new DossierResponse.KennisgevingResponse(kennisgeving.sent(),
                        kennisgeving.answered(), kennisgeving.answer(), kennisgeving.answeredAt(),
                        kennisgeving.clientNumberSe()));

    }

    private static DossierResponse.ClaimLineResponse toLine(ClaimLine l) {
        return new DossierResponse.ClaimLineResponse(l.invoiceNumberSe(), l.invoiceNumberShv(), l.debtType(),
                l.claimType(), l.originDate(), amount(l.originalAmount()), amount(l.principal()), amount(l.interest()),
                amount(l.costs()), amount(l.currentAmount()), l.transferredTo(), l.counted());
    }

    private static String amount(BigDecimal a) {
        return a == null ? null : a.toPlainString();
    }

    private static DossierResponse.MessageResponse toMessage(OutboundMessageView m) {
        return new DossierResponse.MessageResponse(m.reference(), m.claimId(), m.recipientOin(), m.messageType(),
                m.status().name(), m.enqueuedAt(), m.dueAt(), m.deliveredAt(), m.expiresAt(), m.attempts(), m.lastError());
    }

    private static DossierResponse.StatusChangeResponse toChange(StatusChange s) {
        return new DossierResponse.StatusChangeResponse(s.occurredAt(), s.claimId(), s.fromStatus(), s.toStatus(),
                s.cause().type().name(), s.cause().reference(), s.note());
    }

    static DossierPageResponse toPage(PageOf<DossierSummary> page) {
        return new DossierPageResponse(page.items().stream().map(DossierApiMapper::toSummary).toList(),
                page.page(), page.size(), page.totalItems(), page.totalPages());
    }

    private static DossierPageResponse.DossierSummaryResponse toSummary(DossierSummary s) {
        Dossier d = s.dossier();
        Map<String, Integer> counts = new LinkedHashMap<>();
        s.claimsByStatus().forEach((status, n) -> counts.put(status.name(), n));
        return new DossierPageResponse.DossierSummaryResponse(d.id(), d.shvOin(), d.shvReference(),
                d.settlementType().name(), d.status().name(), d.submittedAt(), d.updatedAt(), counts);
    }
}
