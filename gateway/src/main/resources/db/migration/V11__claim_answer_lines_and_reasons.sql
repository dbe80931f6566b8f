-- Issue 14 (the claim check), first slice.
--
-- The answer to a Saldoverzoek per claim line (VorderingSE) with its Schuldtype: only lines the
-- creditor still holds (OPENSTAAND) count for the settlement; a transferred line (OVERGEDRAGEN)
-- keeps the party that holds it now, for the SHV to add as a creditor; a line the creditor does not
-- know (ONBEKEND) is outside the settlement. The lines are those of the claim's latest answer; the
-- answer itself stays in inbound_message. claim.confirmed_amount is the sum of the counted lines.
create table claim_line (
    claim_id           uuid          not null references claim (id),
    position           integer       not null check (position > 0),
    answer_reference   uuid          not null,
    invoice_number_se  text,
    invoice_number_shv text,
    debt_type          text          not null check (debt_type in ('OPENSTAAND', 'OVERGEDRAGEN', 'ONBEKEND')),
    claim_type         text          not null,
    origin_date        date,
    original_amount    numeric(14, 2),
    principal          numeric(14, 2),
    interest           numeric(14, 2),
    costs              numeric(14, 2),
    current_amount     numeric(14, 2) not null,
    transferred_to     text,
    counted            boolean       not null,
    primary key (claim_id, position)
);

-- Why the creditor will not cooperate (Geen medewerking, RedenGeenMedewerking code), shown to the
-- SHV; null when the creditor's latest answer was not a Geen medewerking.
alter table claim add column no_cooperation_reason text;
