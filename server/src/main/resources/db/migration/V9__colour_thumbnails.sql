-- A picture's thumbnail in colour, for users who turned greyscale off, is kept beside the grey one.
alter table thumbnail add column colour boolean not null default false;
alter table thumbnail drop constraint thumbnail_pkey;
alter table thumbnail add primary key (media_id, size, at_millis, colour);
