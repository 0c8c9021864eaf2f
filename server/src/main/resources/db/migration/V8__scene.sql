-- Scene features of pictures (ORB corners as visual words with their places, SceneFeatures' own versioned
-- encoding), so that pictures of one place or object are linked across series and agencies even when
-- they are not near duplicates; and the kind of link that says so. A same-scene link's distance column
-- holds its score instead: the features that agree under one perspective transformation (more is closer).

alter table media add column scene bytea;

alter table media_link drop constraint media_link_kind_check;
alter table media_link add constraint media_link_kind_check
    check (kind in ('near_duplicate', 'same_camera', 'video_match', 'video_frame', 'same_scene'));
