-- The dossier core: participants, dossiers, claims, conversations, messages and status history.

-- Organisations that exchange messages through the gateway, identified by their OIN
-- (Organisatie-identificatienummer, 20 digits, as in the PKIoverheid certificate).
create table participant (
    id          uuid        primary key,
    oin         char(20)    not null unique check (oin ~ '^[0-9]{20}$'),
    kind        text        not null check (kind in ('SHV', 'CREDITOR')),
    name        text        not null,
    active      boolean     not null default true,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- How the gateway reaches a creditor, and on which schedule it batches messages for it.
create table creditor_channel (
    participant_id   uuid    primary key references participant (id),
    channel_type     text    not null check (channel_type in ('SOAP', 'REST', 'SFTP', 'MAILBOX')),
    endpoint         text,
    schedule_cron    text    not null,
    max_batch_size   integer not null check (max_batch_size > 0),
    max_wait_seconds integer not null check (max_wait_seconds > 0),
    settings         jsonb   not null default '{}'::jsonb,
    check (channel_type = 'MAILBOX' or endpoint is not null)
);

create table dossier (
    id               uuid        primary key,
    shv_id           uuid        not null references participant (id),
    shv_reference    text        not null,
    idempotency_key  text,
    settlement_type  text        not null check (settlement_type in ('SB', 'SK', 'SA')),
    status           text        not null,
    -- Personal data of the client (names, birth dates, address, BSN), AES-GCM encrypted by the
    -- application; null once purged after the retention period.
    client_data      bytea,
    personal_data_purged_at timestamptz,
    submitted_at     timestamptz not null,
    updated_at       timestamptz not null,
    closed_at        timestamptz,
    version          integer     not null default 0,
    constraint dossier_shv_reference_unique unique (shv_id, shv_reference),
    constraint dossier_idempotency_key_unique unique (shv_id, idempotency_key)
);
create index dossier_status_idx on dossier (status);
create index dossier_submitted_at_idx on dossier (submitted_at);

-- One claim per creditor in a dossier, with the invoice numbers the SHV knows of.
create table claim (
    id                        uuid          primary key,
    dossier_id                uuid          not null references dossier (id),
    creditor_id               uuid          not null references participant (id),
    position                  integer       not null,
    client_number_at_creditor text,
    invoice_numbers           text[]        not null,
    amount_known_to_shv       numeric(12, 2),
    status                    text          not null,
    updated_at                timestamptz   not null,
    version                   integer       not null default 0,
    constraint claim_one_per_creditor unique (dossier_id, creditor_id)
);
create index claim_creditor_idx on claim (creditor_id);

-- The exchange between the SHV and one creditor about one claim: every message about it carries
-- the same ConversatieReferentienummer.
create table conversation (
    id                 uuid        primary key,
    conversation_ref   uuid        not null unique,
    dossier_id         uuid        not null references dossier (id),
    claim_id           uuid        not null unique references claim (id),
    shv_id             uuid        not null references participant (id),
    creditor_id        uuid        not null references participant (id),
    started_at         timestamptz not null
);

-- Every message in or out, with the three identifiers of the Schuldenknooppunt model:
-- reference (Referentienummer), the conversation's reference, and for a reply the reference of
-- the message it answers (CrossReferentienummer).
create table message (
    reference          uuid        primary key,
    conversation_id    uuid        not null references conversation (id),
    cross_reference    uuid        references message (reference),
    message_type       text        not null,
    direction          text        not null check (direction in ('OUTBOUND', 'INBOUND')),
    sender_id          uuid        not null references participant (id),
    recipient_id       uuid        not null references participant (id),
    created_at         timestamptz not null
);
create index message_conversation_idx on message (conversation_id);

-- Append-only record of every status change of a dossier or claim: what, when and why.
create table status_history (
    id               bigint generated always as identity primary key,
    dossier_id       uuid        not null references dossier (id),
    claim_id         uuid        references claim (id),
    from_status      text,
    to_status        text        not null,
    occurred_at      timestamptz not null,
    cause_type       text        not null check (cause_type in ('MESSAGE', 'USER', 'SYSTEM')),
    cause_reference  text        not null,
    note             text
);
create index status_history_dossier_idx on status_history (dossier_id, id);

create function status_history_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'status_history is append-only: % is not allowed', tg_op;
end;
$$;

create trigger status_history_append_only
    before update or delete on status_history
    for each row execute function status_history_is_append_only();

create trigger status_history_no_truncate
    before truncate on status_history
    for each statement execute function status_history_is_append_only();
