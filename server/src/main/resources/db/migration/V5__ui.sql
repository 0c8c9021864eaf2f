-- What the specialists' web pages need: categorisation by consensus, cached thumbnails, and each user's
-- display preferences.

-- One vote per specialist and media item, replaced when they vote again and removed when they take it back.
-- media.category is now the final category: set while enough specialists agree (see media.Categorisation),
-- cleared when a change of votes means they no longer do. Categories set before votes existed stay until
-- someone votes on that media item.
create table category_vote (
    media_id    bigint      not null references media,
    user_id     bigint      not null references app_user,
    agency_id   bigint      not null references agency,   -- the voter's, for the record: votes of all agencies count
    category    text        not null references category,
    voted_at    timestamptz not null default now(),
    primary key (media_id, user_id)
);

-- Thumbnails and video keyframes already made: the JPEG is in the media store under its own SHA-256
-- (encrypted like everything else there); this says which media item, size and frame time it shows.
create table thumbnail (
    media_id    bigint  not null references media,
    size        integer not null,                -- the longer side's limit it was made for, in pixels
    at_millis   integer not null,                -- a video's frame time; 0 for a picture (its only frame)
    sha256      char(64) not null,
    primary key (media_id, size, at_millis)
);

-- Wellness: thumbnails blurred and in grey until the user asks otherwise, and a reminder to take a break
-- (null: the server's default, ariadne.wellness.break-after-minutes).
alter table app_user add column blur_thumbnails boolean not null default true;
alter table app_user add column greyscale_thumbnails boolean not null default true;
alter table app_user add column break_reminder_minutes integer;
