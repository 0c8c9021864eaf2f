-- The audit log: every view, search and change, and every refused attempt. Append-only (the triggers
-- below refuse UPDATE, DELETE and TRUNCATE) and hash-chained: each entry's hash covers the previous
-- entry's hash and its own fields, so `ariadne audit verify` finds an entry altered, removed or moved
-- even by someone who bypassed the triggers as the database owner.

create table audit_entry (
    seq          bigint       primary key,          -- 1, 2, 3, ... with no gaps: given under a lock
    at           timestamptz  not null,
    user_id      bigint,                            -- null for anonymous attempts and the system
    agency_id    bigint,
    action       text         not null,             -- e.g. series.view, media.search, ingest.upload
    target       text,                              -- e.g. series:12
    outcome      text         not null check (outcome in ('ok', 'refused', 'failed')),
    detail       text         not null,             -- canonical JSON
    prev_hash    char(64)     not null,
    hash         char(64)     not null
);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end;
$$;

create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
