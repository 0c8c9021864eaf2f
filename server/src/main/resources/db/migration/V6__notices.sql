-- Yellow notices for missing children: the child's description in structured fields (rendered in every
-- language by the server itself), free text per language with its translation status, photos, and the
-- workflow's times (the 72-hour clock runs from submitted_at). Translators and reviewers are the new user
-- roles 'translator' and 'reviewer' in app_user.roles.

create table notice (
    id                  bigint generated always as identity primary key,
    public_id           text        not null unique,   -- random; the only identifier public pages show
    agency_id           bigint      not null references agency,   -- the requesting agency, which owns it
    created_by          bigint      not null references app_user,
    reference           text        not null,          -- the agency's own file number (internal)
    state               text        not null default 'draft'
                                    check (state in ('draft', 'submitted', 'translated', 'reviewed', 'published',
                                                     'located', 'cancelled')),
    family_name         text        not null,
    given_names         text        not null,
    sex                 text        check (sex in ('female', 'male', 'unknown')),
    birth_date          date,
    birth_place         text,
    birth_country       char(2),                       -- ISO 3166-1 alpha-2
    nationalities       char(2)[]   not null default '{}',
    height_cm           integer     check (height_cm between 20 and 250),
    weight_kg           integer     check (weight_kg between 1 and 250),
    eye_colour          text,
    hair_colour         text,
    disappeared_on      date,
    disappeared_place   text,
    disappeared_country char(2),
    contact             text        not null,          -- whom the public should tell (published)
    source_language     text        not null check (source_language in ('en', 'fr', 'es', 'ar')),
    created_at          timestamptz not null default now(),
    submitted_at        timestamptz,
    published_at        timestamptz,
    closed_at           timestamptz,
    unique (agency_id, reference)
);
create index notice_agency on notice (agency_id, state);

-- The free text in one language. A row exists once someone wrote it; reviewed by someone else than its writer.
create table notice_text (
    notice_id            bigint      not null references notice on delete cascade,
    language             text        not null check (language in ('en', 'fr', 'es', 'ar')),
    description          text        not null,
    distinguishing_marks text        not null default '',
    status               text        not null check (status in ('translated', 'reviewed')),
    written_by           bigint      not null references app_user,
    reviewed_by          bigint      references app_user,
    updated_at           timestamptz not null,
    primary key (notice_id, language)
);

-- A photo: the original kept encrypted in the media store as evidence, and a re-encoded copy without
-- metadata (no EXIF position or camera) that the public pages and the PDF show.
create table notice_photo (
    notice_id     bigint      not null references notice on delete cascade,
    position      integer     not null,
    sha256        char(64)    not null,
    public_sha256 char(64)    not null,
    pdq           char(64),
    pdq_quality   integer,
    added_at      timestamptz not null default now(),
    primary key (notice_id, position),
    unique (notice_id, sha256)
);

-- A notice's photo near a series' media alerts both agencies, once per notice, series and media item; the
-- uploads' alerts keep their own once-only rule.
alter table alert add column notice_id bigint references notice;
alter table alert drop constraint alert_agency_id_series_id_media_id_reason_key;
create unique index alert_once on alert (agency_id, series_id, media_id, reason) where notice_id is null;
create unique index alert_notice_once on alert (agency_id, series_id, media_id, notice_id) where notice_id is not null;
