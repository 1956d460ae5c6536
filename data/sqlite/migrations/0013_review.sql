-- The organiser's "to review" list (issue 17): what a desk did that the
-- congress kept but an organiser should look at, never lost and never
-- counted twice. A row says what happened (kind), to whom (participant_id,
-- and other_participant_id for a possible duplicate), on which day and at
-- which session, and the scan under review: its desk, its time (at) and
-- its action's id (op, when a desk's journal gave it one). kept_desk and
-- kept_at name the other entry, the one that counts. An organiser marks a
-- row reviewed (resolved_at, resolved_by); it stays in the congress.
--   second_arrival, second_entry: an arrival (or a session entry) handed
--     over by an offline desk for someone another desk had in meanwhile
--     (data/review_fold.go): the arrival counts once, the later scan is kept here;
--   walkin_duplicate: the same person registered as a walk-in at two
--     offline desks;
--   seat_request: a workshop seat asked for offline, noted for later.
-- participant_id has no foreign key: a person merged away is followed by
-- the merge (merge.go), and a row about someone deleted stays readable.
-- Its row has a row sum, as every row of a file (0011_row_sums.sql).
-- The server's twin (data/postgres/migrations/0013_review.sql) also carries
-- desk_op and review in its change feed and prunes the feed. Never edit
-- this file once released: add 0014_….sql instead.
CREATE TABLE review (
    id                   INTEGER PRIMARY KEY,
    kind                 TEXT NOT NULL CHECK (kind IN ('second_arrival', 'second_entry', 'walkin_duplicate', 'seat_request')),
    participant_id       INTEGER NOT NULL,
    other_participant_id INTEGER,
    day                  TEXT,
    session_id           INTEGER,
    desk                 TEXT NOT NULL DEFAULT '',
    at                   TEXT NOT NULL,
    op                   TEXT NOT NULL DEFAULT '',
    kept_desk            TEXT NOT NULL DEFAULT '',
    kept_at              TEXT,
    note                 TEXT NOT NULL DEFAULT '',
    created_at           TEXT NOT NULL,
    resolved_at          TEXT,
    resolved_by          TEXT NOT NULL DEFAULT '',
    row_sum              INTEGER
);
CREATE INDEX review_open ON review (resolved_at, id);
CREATE INDEX review_participant ON review (participant_id);
CREATE TRIGGER review_sum_insert AFTER INSERT ON review BEGIN
    UPDATE review SET row_sum = congres_sum(NEW.id, NEW.kind, NEW.participant_id, NEW.other_participant_id, NEW.day, NEW.session_id, NEW.desk, NEW.at, NEW.op, NEW.kept_desk, NEW.kept_at, NEW.note, NEW.created_at, NEW.resolved_at, NEW.resolved_by) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER review_sum_update AFTER UPDATE OF id, kind, participant_id, other_participant_id, day, session_id, desk, at, op, kept_desk, kept_at, note, created_at, resolved_at, resolved_by ON review BEGIN
    UPDATE review SET row_sum = congres_sum(NEW.id, NEW.kind, NEW.participant_id, NEW.other_participant_id, NEW.day, NEW.session_id, NEW.desk, NEW.at, NEW.op, NEW.kept_desk, NEW.kept_at, NEW.note, NEW.created_at, NEW.resolved_at, NEW.resolved_by) WHERE rowid = NEW.rowid;
END;
