-- The outbound engine carries the references it sends with a message itself, instead of reading them
-- from the conversation tables: the engine knows nothing of conversations (any participant, creditor
-- or SHV, may be a recipient), and the workflow keeps the message log.
alter table outbound_message add column conversation_ref uuid;
alter table outbound_message add column cross_reference uuid;

update outbound_message o
   set conversation_ref = c.conversation_ref, cross_reference = m.cross_reference
  from message m join conversation c on c.id = m.conversation_id
 where m.reference = o.reference;

alter table outbound_message alter column conversation_ref set not null;
alter table outbound_message drop constraint outbound_message_reference_fkey;
