-- Check-ins held while the file is busy (issue 14): when an import holds
-- the file's write lock, a desk keeps its arrivals, session entries and
-- undos in a journal beside the file (FILE-held, data/desk_held.go) and
-- writes them in as soon as the file is free. Each held action has a
-- unique id; this table remembers those written, so that one written twice
-- (a crash between the file's commit and the journal's) is recorded once.
-- Never edit this file once released: add 0011_….sql instead.
CREATE TABLE desk_op (
    op        TEXT PRIMARY KEY, -- the action's unique id
    desk      TEXT NOT NULL DEFAULT '',
    folded_at TEXT NOT NULL     -- when it was written into the file
) WITHOUT ROWID;
