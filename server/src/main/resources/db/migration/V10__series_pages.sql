-- A series' media, a page at a time, and their count, read from the index alone (bench/ui-pages-bench.sh:
-- a series of 100,000 media took 130 ms to count and 240 ms a page without it).
create index submission_series_media on submission (series_id, media_id);
