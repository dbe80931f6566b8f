-- Issue 14, item 9: answer deadlines in Dutch working days.
--
-- One row per Saldoverzoek that reached its creditor (delivered to its system, or fetched from its
-- mailbox): the answer term runs from reached_at and ends at due_at (the end of the 10th working day
-- after the reaching day, Dutch time); a reminder goes to the creditor at remind_at; at due_at the
-- claim becomes OVERDUE. next_action_at is the one column the scan looks at: the moment of the next
-- thing to do (remind_at, then due_at), null once there is nothing left to do (escalated or closed).
-- Only rows with a next action are in the partial index, so open deadlines that wait cost nothing.
create table claim_deadline (
    id                 bigint      generated always as identity primary key,
    claim_id           uuid        not null references claim (id) on delete cascade,
    dossier_id         uuid        not null references dossier (id) on delete cascade,
    -- The Referentienummer of the Saldoverzoek whose answer is awaited.
    message_reference  uuid        not null unique,
    reached_at         timestamptz not null,
    remind_at          timestamptz,
    due_at             timestamptz not null,
    -- The last working day of the term, as shown to the SHV (answerDueOn).
    due_on             date        not null,
    reminded_at        timestamptz,
    -- The Referentienummer of the reminder (a Statusbericht SHV), once queued.
    reminder_reference uuid,
    escalated_at       timestamptz,
    -- Answered, withdrawn or passed over: nothing more to do.
    closed_at          timestamptz,
    next_action_at     timestamptz,
    check (closed_at is null or next_action_at is null)
);

-- The due-time query: where next_action_at <= now order by next_action_at ... for update skip locked.
create index claim_deadline_next_action_idx on claim_deadline (next_action_at) where next_action_at is not null;
-- Per claim, for the SHV API; per dossier while open, to close a dossier's deadlines after a claim change.
create index claim_deadline_claim_idx on claim_deadline (claim_id);
create index claim_deadline_open_dossier_idx on claim_deadline (dossier_id) where closed_at is null;
