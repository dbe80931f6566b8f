-- Withdrawing a dossier cancels its messages that have not reached their recipient (issue 14,
-- defect 6); the retention purge reaches every message of a purged dossier, also one that was still
-- on its way when the dossier's personal data was purged.
alter table outbound_message drop constraint outbound_message_status_check;
alter table outbound_message add constraint outbound_message_status_check
    check (status in ('PENDING', 'BATCHED', 'DELIVERED', 'IN_MAILBOX', 'FETCHED', 'CONFIRMED', 'DEAD', 'EXPIRED',
                      'DISCARDED', 'CANCELLED'));

-- The purge looks for message contents still kept for dossiers already purged.
create index outbound_message_payload_kept_idx on outbound_message (dossier_id) where payload is not null;
create index inbound_message_payload_kept_idx on inbound_message (dossier_id) where payload is not null;
create index dossier_purged_idx on dossier (id) where personal_data_purged_at is not null;
