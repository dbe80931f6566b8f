-- What the SHV submitted, as a keyed fingerprint (HMAC-SHA256 of the canonical submission, see
-- SubmissionFingerprint): tells an identical repeat (answered with the existing dossier) from a
-- different submission under the same shvReference or Idempotency-Key (refused). It is derived from
-- personal data, so it is purged with it. Null for dossiers submitted before this column existed.
alter table dossier add column submission_fingerprint text;
