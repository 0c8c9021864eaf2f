-- The time step of the last one-time code accepted for each user: a code is good once, not for its whole
-- 90-second window.
alter table app_user add column totp_last_step bigint;
