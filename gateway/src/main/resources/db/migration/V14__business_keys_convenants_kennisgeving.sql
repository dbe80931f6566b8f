-- Issue 14: business keys (defect 3), the convenant registry (defect 5), the Kennisgeving at intake
-- (item 7) and the Statusbericht SHV answering a Statusverzoek (item 8).

-- The creditor's own number for the client (KlantnummerSE), as its first message stated it, kept when
-- the SHV did not know it (claim.client_number_at_creditor is null): later messages must carry the same.
alter table claim add column client_number_se text;

-- The Kennisgeving queued to the creditor at intake (null: none was sent) and its answer: an
-- AntwoordKennisgeving code of a Kennisgeving antwoord, or GEEN_MEDEWERKING.
alter table claim add column kennisgeving_reference uuid references message (reference);
alter table claim add column kennisgeving_answer text;
alter table claim add column kennisgeving_answered_at timestamptz;

-- Creditors that identify clients by BSN get a Kennisgeving Publiek (with BSN) instead of a Kennisgeving.
alter table participant add column identifies_clients_by_bsn boolean not null default false;

-- Which creditor has a convenant with up-front consent (vooraf akkoord) for which settlement type, from
-- and until which day (inclusive; until null: open-ended). Kept in line with the configuration at start-up.
create table creditor_convenant (
    participant_id  uuid not null references participant (id),
    settlement_type text not null check (settlement_type in ('SB', 'SK', 'SA')),
    valid_from      date not null,
    valid_until     date,
    check (valid_until is null or valid_until >= valid_from),
    primary key (participant_id, settlement_type, valid_from)
);

