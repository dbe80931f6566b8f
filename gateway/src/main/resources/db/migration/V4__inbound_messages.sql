-- Messages from creditors: every accepted one, once (its Referentienummer is the key), with what it
-- said, so that a message sent again gets its original result and the SHV can read every answer.
create table inbound_message (
    reference    uuid        primary key references message (reference),
    sender_id    uuid        not null references participant (id),
    dossier_id   uuid        not null references dossier (id),
    claim_id     uuid        references claim (id),
    message_type text        not null,
    channel      text        not null,
    result_code  text        not null,
    received_at  timestamptz not null,
    -- The message as received, AES-GCM encrypted (it may hold personal data); null once purged.
    payload      bytea
);
create index inbound_message_dossier_idx on inbound_message (dossier_id, received_at);

-- What the creditor stated the claim to be, in its Saldoverzoek antwoord.
alter table claim add column confirmed_amount numeric(14, 2);
