-- Every read of a dossier's personal data, through an API or the console: who, which dossier,
-- when and through what. Holds no personal data itself, so it outlives the retention purge.
create table personal_data_access (
    id          bigint      generated always as identity primary key,
    at          timestamptz not null,
    actor       text        not null,
    actor_type  text        not null check (actor_type in ('PARTICIPANT', 'OPERATOR')),
    dossier_id  uuid        not null references dossier (id),
    channel     text        not null,
    action      text        not null
);
create index personal_data_access_dossier_idx on personal_data_access (dossier_id, at);
create index personal_data_access_actor_idx on personal_data_access (actor, at);
