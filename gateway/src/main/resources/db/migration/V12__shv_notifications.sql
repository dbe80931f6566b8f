-- The SHV is told every step (issue 14, item 10; ADR 0016): every claim and dossier status change and
-- every accepted creditor answer becomes a notification of the dossier's SHV, kept here (the SHV's
-- mailbox, read through /api/v1/notifications) and, for an SHV with a WEBHOOK channel, also queued
-- in the outbound engine as a signed webhook.

alter table participant_channel drop constraint participant_channel_channel_type_check;
alter table participant_channel add constraint participant_channel_channel_type_check
    check (channel_type in ('SOAP', 'REST', 'SFTP', 'MAILBOX', 'WEBHOOK'));

-- Per SHV: the sequence number of its last notification, and how far it confirmed. The row is
-- locked (update) by every transaction that notifies the SHV, until it commits: sequence numbers
-- are handed out in commit order, without gaps, so a reader paging with a cursor never passes a
-- notification that commits later.
create table shv_notification_cursor (
    shv_id            uuid    primary key references participant (id),
    last_sequence     bigint  not null,
    confirmed_through bigint  not null default 0,
    check (confirmed_through between 0 and last_sequence)
);

create table shv_notification (
    -- Also the Referentienummer of its webhook message and the Knooppunt-Delivery-Id header.
    id            uuid        primary key,
    shv_id        uuid        not null references participant (id),
    -- 1, 2, 3, ... per SHV: the mailbox cursor.
    sequence      bigint      not null,
    dossier_id    uuid        not null references dossier (id),
    claim_id      uuid        references claim (id),
    kind          text        not null check (kind in ('CLAIM_STATUS_CHANGED', 'DOSSIER_STATUS_CHANGED',
                                                       'CREDITOR_MESSAGE_ACCEPTED')),
    -- The JSON document exactly as the mailbox returns it and the webhook sends it (text, not jsonb:
    -- the bytes are signed, so they must come back as they were written). Holds no client personal data.
    payload       text        not null,
    created_at    timestamptz not null,
    confirmed_at  timestamptz,
    unique (shv_id, sequence)
);
-- The mailbox pages by (shv_id, sequence): the unique constraint's index serves it.
create index shv_notification_dossier_idx on shv_notification (dossier_id, sequence);
