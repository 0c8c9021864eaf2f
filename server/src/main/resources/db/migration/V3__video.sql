-- Videos: their vPDQ (every sampled frame's PDQ, quality and time, in the signal's text form), what the
-- container says, and two more kinds of link: two videos that match by vPDQ, and a picture that is a
-- frame of a video (either way round).

alter table media add column vpdq text;
alter table media add column duration_seconds double precision;
alter table media add column video_codec text;
alter table media add column video_info jsonb;

alter table media_link drop constraint media_link_kind_check;
alter table media_link add constraint media_link_kind_check
    check (kind in ('near_duplicate', 'same_camera', 'video_match', 'video_frame'));
