-- A keyed fingerprint (HMAC) of an accepted message's content, so that a message sent again under
-- its Referentienummer is recognised as the same message, and one with other content is refused
-- instead of being answered with the original's result. Null for messages received before.
alter table inbound_message add column fingerprint text;
