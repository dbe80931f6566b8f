-- The recipient of an outgoing message may be any participant (a creditor, or an SHV for its
-- notifications), and any participant may have a delivery channel: the engine's tables say so.
alter table outbound_message rename column creditor_id to recipient_id;
alter table outbound_message rename constraint outbound_message_creditor_id_fkey to outbound_message_recipient_id_fkey;

alter table outbound_batch rename column creditor_id to recipient_id;
alter table outbound_batch rename constraint outbound_batch_creditor_id_fkey to outbound_batch_recipient_id_fkey;
alter index outbound_batch_one_sending_per_creditor rename to outbound_batch_one_sending_per_recipient;
alter index outbound_batch_creditor_idx rename to outbound_batch_recipient_idx;

alter table creditor_channel rename to participant_channel;
alter table participant_channel rename constraint creditor_channel_pkey to participant_channel_pkey;
alter table participant_channel rename constraint creditor_channel_participant_id_fkey
    to participant_channel_participant_id_fkey;
alter table participant_channel rename constraint creditor_channel_channel_type_check
    to participant_channel_channel_type_check;
alter table participant_channel rename constraint creditor_channel_check to participant_channel_endpoint_check;
alter table participant_channel rename constraint creditor_channel_max_batch_size_check
    to participant_channel_max_batch_size_check;
alter table participant_channel rename constraint creditor_channel_max_wait_seconds_check
    to participant_channel_max_wait_seconds_check;
