-- The shared database: who contributes (agencies, users), what they contribute (cases, series, media,
-- submissions), what is known about it (victims, offenders, annotations, comments, categories), what
-- Ariadne found (links, alerts), and the work in progress (ingest jobs). Identifiers are bigint
-- sequences; no endpoint trusts one without checking the caller's agency (see access control).

create table agency (
    id          bigint generated always as identity primary key,
    country     char(2)      not null,               -- ISO 3166-1 alpha-2
    name        text         not null unique,
    contact     text         not null                -- whom other agencies should call about a match
);

create table app_user (
    id            bigint generated always as identity primary key,
    agency_id     bigint       not null references agency,
    username      text         not null unique,
    display_name  text         not null,
    password_hash text         not null,             -- Argon2id, in Spring Security's encoded form
    totp_secret   text,                              -- base32; null until the user enrols a second factor
    totp_pending  text,                              -- a secret offered, not yet confirmed with a code
    roles         text[]       not null,             -- contributor, specialist, agency_admin, system_admin, auditor
    enabled       boolean      not null default true
);

create table category (
    code        text primary key,                    -- VICS-style codes, configurable: '0' .. '5' by default
    label       text not null
);

create table investigation (                          -- a "case"; `case` is an SQL keyword
    id          bigint generated always as identity primary key,
    agency_id   bigint       not null references agency,
    reference   text         not null,               -- the agency's own case number
    title       text         not null,
    created_at  timestamptz  not null default now(),
    unique (agency_id, reference)
);

create table series (
    id                      bigint generated always as identity primary key,
    agency_id               bigint      not null references agency,
    investigation_id        bigint      references investigation,
    name                    text        not null,
    victim_identified       boolean     not null default false,
    offender_identified     boolean     not null default false,
    identified_by_agency_id bigint      references agency,
    identified_at           date,
    sharing                 text        not null default 'all'
                                        check (sharing in ('all', 'listed', 'owner')),
    created_at              timestamptz not null default now(),
    unique (agency_id, name)
);

-- Agencies a series with sharing = 'listed' is shared with.
create table series_grant (
    series_id   bigint not null references series on delete cascade,
    agency_id   bigint not null references agency,
    primary key (series_id, agency_id)
);

-- One row per distinct content (content-addressed by SHA-256): however often it is submitted.
create table media (
    id             bigint generated always as identity primary key,
    sha256         char(64)     not null unique,
    sha1           char(40)     not null,
    md5            char(32)     not null,
    size           bigint       not null,
    media_type     text,
    width          integer,
    height         integer,
    pdq            char(64),
    pdq_quality    integer,
    pdq_dihedral   char(64)[],                       -- the picture's 8 rotations and flips, to match them too
    camera_make    text,
    camera_model   text,
    camera_serial  text,
    taken_at       text,                             -- as the file says it (ISO-8601, offset when recorded)
    metadata       jsonb        not null default '{}',
    error          text,                             -- why it could not be decoded, if so
    category       text         references category,
    first_seen     timestamptz  not null default now()
);
create index media_md5 on media (md5);
create index media_sha1 on media (sha1);
create index media_pdq on media (pdq);
create index media_camera_serial on media (camera_serial) where camera_serial is not null;

-- Which agency contributed which media in which case and series, under which name.
create table submission (
    id               bigint generated always as identity primary key,
    media_id         bigint      not null references media,
    agency_id        bigint      not null references agency,
    investigation_id bigint      not null references investigation,
    series_id        bigint      references series,
    original_path    text        not null,
    submitted_at     timestamptz not null default now(),
    -- the same file uploaded again into the same case under the same name is the same submission
    unique (media_id, investigation_id, original_path)
);
create index submission_series on submission (series_id);
create index submission_agency on submission (agency_id);

-- Victims and offenders: pseudonymous records of a series (a code name, never a real name).
create table person (
    id                  bigint generated always as identity primary key,
    series_id           bigint  not null references series,
    kind                text    not null check (kind in ('victim', 'offender')),
    code_name           text    not null,
    sex                 text    check (sex in ('female', 'male', 'unknown')),
    age_range           text,
    country             char(2),
    identified          boolean not null default false,
    identified_by_agency_id bigint references agency,
    identified_at       date
);
create index person_series on person (series_id, kind);

create table annotation (
    id          bigint generated always as identity primary key,
    media_id    bigint      not null references media,
    agency_id   bigint      not null references agency,   -- annotations are the annotating agency's
    user_id     bigint      not null references app_user,
    x           integer     not null,
    y           integer     not null,
    width       integer     not null,
    height      integer     not null,
    clue_type   text        not null check (clue_type in ('object', 'text', 'location', 'person')),
    body        text        not null,
    created_at  timestamptz not null default now()
);
create index annotation_text on annotation using gin (to_tsvector('simple', body));

create table series_comment (
    id          bigint generated always as identity primary key,
    series_id   bigint      not null references series,
    user_id     bigint      not null references app_user,
    body        text        not null,
    created_at  timestamptz not null default now()
);

-- What Ariadne found between two media: the same content seen again is not a link (it is one media row).
create table media_link (
    media_a     bigint  not null references media,
    media_b     bigint  not null references media,
    kind        text    not null check (kind in ('near_duplicate', 'same_camera')),
    distance    integer,                             -- PDQ bits for near duplicates
    primary key (media_a, media_b, kind),
    check (media_a < media_b)
);

-- Deconfliction: new material from one agency touches a series owned by another.
create table alert (
    id                 bigint generated always as identity primary key,
    agency_id          bigint      not null references agency,   -- who is told
    series_id          bigint      not null references series,   -- the series matched
    media_id           bigint      not null references media,    -- the new material
    uploading_agency_id bigint     not null references agency,
    reason             text        not null,                     -- exact, near_duplicate, same_camera
    message            text        not null,
    created_at         timestamptz not null default now(),
    read_at            timestamptz,
    unique (agency_id, series_id, media_id, reason)
);

-- Uploads waiting to be, or being, ingested. Files stay in the spool until their job is done, so a
-- server killed mid-ingest starts again where it stopped.
create table ingest_job (
    id               bigint generated always as identity primary key,
    agency_id        bigint      not null references agency,
    user_id          bigint      not null references app_user,
    investigation_id bigint      not null references investigation,
    series_id        bigint      references series,
    state            text        not null default 'queued' check (state in ('queued', 'running', 'done')),
    created_at       timestamptz not null default now(),
    finished_at      timestamptz
);

create table ingest_file (
    id            bigint generated always as identity primary key,
    job_id        bigint  not null references ingest_job on delete cascade,
    original_name text    not null,
    spool_path    text    not null,
    size          bigint  not null,
    -- pending: to hash and store; hashed: stored and submitted, to link and deconflict; done
    state         text    not null default 'pending' check (state in ('pending', 'hashed', 'done')),
    -- what came of it: media found in it, problems (refused archive members, undecodable files)
    media_count   integer not null default 0,
    problems      jsonb   not null default '[]'
);
create index ingest_file_pending on ingest_file (id) where state <> 'done';

-- Per job and media: what the ingest made of it, for the job's result ("known, identified", "new", ...).
create table ingest_result (
    job_id      bigint  not null references ingest_job on delete cascade,
    file_id     bigint  not null references ingest_file on delete cascade,
    media_id    bigint  not null references media,
    path        text    not null,
    primary key (job_id, media_id, path)
);

insert into category (code, label) values
    ('0', 'Not relevant'),
    ('1', 'Category 1'),
    ('2', 'Category 2'),
    ('3', 'Category 3'),
    ('4', 'Category 4'),
    ('5', 'Category 5');
