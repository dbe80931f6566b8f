-- The durable outbound engine: transactional outbox, immutable batches claimed with leases,
-- every delivery attempt recorded. See docs/delivery.md.

-- A message to a creditor, written in the same transaction as the change that causes it.
create table outbound_message (
    reference        uuid        primary key references message (reference),
    seq              bigint      generated always as identity unique,
    creditor_id      uuid        not null references participant (id),
    dossier_id       uuid        not null references dossier (id),
    claim_id         uuid        references claim (id),
    message_type     text        not null,
    -- The message as it will be sent, AES-GCM encrypted (it holds personal data); null once purged.
    payload          bytea,
    status           text        not null check (status in ('PENDING', 'BATCHED', 'DELIVERED', 'IN_MAILBOX',
                                                            'FETCHED', 'CONFIRMED', 'DEAD', 'EXPIRED', 'DISCARDED')),
    enqueued_at      timestamptz not null,
    -- The latest moment its batch goes out: the creditor's next scheduled run, or its maximum wait.
    due_at           timestamptz not null,
    current_batch_id uuid,
    delivered_at     timestamptz,
    -- Mailbox delivery: fetched and confirmed by then, or the message expires.
    expires_at       timestamptz,
    fetched_at       timestamptz,
    confirmed_at     timestamptz,
    last_error       text,
    updated_at       timestamptz not null
);
create index outbound_message_pending_idx on outbound_message (creditor_id, seq) where status = 'PENDING';
create index outbound_message_due_idx on outbound_message (due_at) where status = 'PENDING';
create index outbound_message_dossier_idx on outbound_message (dossier_id);
create index outbound_message_mailbox_idx on outbound_message (expires_at) where status in ('IN_MAILBOX', 'FETCHED');
create index outbound_message_dead_idx on outbound_message (updated_at) where status in ('DEAD', 'EXPIRED');

-- A batch: a fixed set of messages for one creditor with a stable id, resent as a whole until it
-- is delivered or dead. At most one batch per creditor is being sent at a time.
create table outbound_batch (
    id               uuid        primary key,
    creditor_id      uuid        not null references participant (id),
    channel_type     text        not null,
    message_type     text,
    status           text        not null check (status in ('READY', 'SENDING', 'COMPLETED', 'DEAD')),
    message_count    integer     not null,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    lease_owner      text,
    lease_until      timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    completed_at     timestamptz,
    last_error       text
);
create unique index outbound_batch_one_sending_per_creditor on outbound_batch (creditor_id) where status = 'SENDING';
create index outbound_batch_ready_idx on outbound_batch (next_attempt_at) where status = 'READY';
create index outbound_batch_creditor_idx on outbound_batch (creditor_id, created_at);

alter table outbound_message
    add constraint outbound_message_current_batch_fk foreign key (current_batch_id) references outbound_batch (id);

-- Which messages a batch carries, in order, and the creditor's answer for each: recorded once.
create table batch_member (
    batch_id          uuid    not null references outbound_batch (id),
    position          integer not null,
    message_reference uuid    not null references outbound_message (reference),
    outcome           text    check (outcome in ('ACCEPTED', 'REJECTED')),
    outcome_detail    text,
    primary key (batch_id, position),
    unique (batch_id, message_reference)
);
create index batch_member_message_idx on batch_member (message_reference);

-- Every attempt to send a batch, with its outcome.
create table delivery_attempt (
    id          bigint      generated always as identity primary key,
    batch_id    uuid        not null references outbound_batch (id),
    attempt     integer     not null,
    owner       text        not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    outcome     text        check (outcome in ('DELIVERED', 'TRANSPORT_FAILURE', 'UNRECOVERABLE', 'LEASE_EXPIRED')),
    detail      text,
    unique (batch_id, attempt)
);

-- What operators did with dead letters and expired messages.
create table outbound_message_action (
    id                bigint      generated always as identity primary key,
    message_reference uuid        not null references outbound_message (reference),
    action            text        not null check (action in ('RESUBMIT', 'DISCARD')),
    actor             text        not null,
    at                timestamptz not null
);
