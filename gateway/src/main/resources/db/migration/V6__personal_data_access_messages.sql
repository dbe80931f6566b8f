-- The audit covers every access to a dossier's personal data, not only reads of the dossier: a
-- creditor fetching messages from its mailbox, and every message a creditor sends that is accepted,
-- are recorded too, with the Referentienummers of the messages concerned (identifiers only, no
-- personal data, so they outlive the retention purge like the rest of the row). Null for reads of
-- the dossier itself.
alter table personal_data_access add column message_references uuid[];
