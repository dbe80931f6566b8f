-- The SFTP answer files already processed, per creditor: Camel's JdbcMessageIdRepository reads and
-- writes this table (its column names), with the creditor's OIN as processor name and
-- "<file name>:<SHA-256 of the content>" as message id. Shared by every instance, kept over restarts.
create table camel_messageprocessed (
    processorname text        not null,
    messageid     text        not null,
    createdat     timestamptz not null default now(),
    primary key (processorname, messageid)
);
