-- cells-trigger-statements.sql: the place_months triggers' statements on their own (session 26). On a writable copy of the 1M store:
-- sqlite3 COPY < bench/wrk/cells-trigger-statements.sql. The place_events rows and own roll-up rows of 200 events of a city are
-- deleted and put back in a transaction, rolled back, twice (cold, then warm); compare a copy with the place_months_* triggers dropped.
PRAGMA cache_size = -400000;
.timer on
BEGIN;
CREATE TEMP TABLE pe AS SELECT * FROM place_events WHERE event_seq IN (SELECT event_seq FROM place_events WHERE place_id = 'place:c00-r1-c1-arimir' ORDER BY event_seq LIMIT 200);
CREATE TEMP TABLE er AS SELECT * FROM event_rollup WHERE dim = '' AND key = '' AND seq IN (SELECT DISTINCT event_seq FROM temp.pe);
SELECT count(*), (SELECT count(*) FROM temp.er) FROM temp.pe;
DELETE FROM place_events WHERE (event_id, place_id) IN (SELECT event_id, place_id FROM temp.pe);
INSERT INTO place_events SELECT * FROM temp.pe;
DELETE FROM event_rollup WHERE dim = '' AND key = '' AND seq IN (SELECT seq FROM temp.er);
INSERT INTO event_rollup (dim, key, seq, sub_kind, date_start, date_end, disputed, part_of, counted, with_best, open_ended, killed_low, killed_best, killed_high) SELECT dim, key, seq, sub_kind, date_start, date_end, disputed, part_of, counted, with_best, open_ended, killed_low, killed_best, killed_high FROM temp.er;
ROLLBACK;
.timer on
BEGIN;
CREATE TEMP TABLE pe AS SELECT * FROM place_events WHERE event_seq IN (SELECT event_seq FROM place_events WHERE place_id = 'place:c00-r1-c1-arimir' ORDER BY event_seq LIMIT 200);
CREATE TEMP TABLE er AS SELECT * FROM event_rollup WHERE dim = '' AND key = '' AND seq IN (SELECT DISTINCT event_seq FROM temp.pe);
SELECT count(*), (SELECT count(*) FROM temp.er) FROM temp.pe;
DELETE FROM place_events WHERE (event_id, place_id) IN (SELECT event_id, place_id FROM temp.pe);
INSERT INTO place_events SELECT * FROM temp.pe;
DELETE FROM event_rollup WHERE dim = '' AND key = '' AND seq IN (SELECT seq FROM temp.er);
INSERT INTO event_rollup (dim, key, seq, sub_kind, date_start, date_end, disputed, part_of, counted, with_best, open_ended, killed_low, killed_best, killed_high) SELECT dim, key, seq, sub_kind, date_start, date_end, disputed, part_of, counted, with_best, open_ended, killed_low, killed_best, killed_high FROM temp.er;
ROLLBACK;
