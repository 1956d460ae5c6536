-- Merging two records of one person loses nothing (issue 14).
-- Never edit this file once released: add 0008_….sql instead.

-- The code of a record merged away stays a way to find the person it was
-- merged into: its badge may be printed and scanned at the desk. A code is
-- either a participant's or an alias, never both.
CREATE TABLE code_alias (
    code           TEXT PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    at             TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX code_alias_participant ON code_alias (participant_id);

CREATE TRIGGER participant_code_not_alias BEFORE INSERT ON participant
WHEN EXISTS (SELECT 1 FROM code_alias WHERE code = new.code)
BEGIN
    SELECT RAISE(ABORT, 'this code belongs to a merged record');
END;
CREATE TRIGGER participant_recode_not_alias BEFORE UPDATE OF code ON participant
WHEN EXISTS (SELECT 1 FROM code_alias WHERE code = new.code)
BEGIN
    SELECT RAISE(ABORT, 'this code belongs to a merged record');
END;

-- The merge log keeps both records whole, as they were just before the
-- merge (JSON objects of every field, days included). Merges logged before
-- this version have '' there.
ALTER TABLE merge_log ADD COLUMN dropped_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE merge_log ADD COLUMN kept_row TEXT NOT NULL DEFAULT '';
ALTER TABLE merge_log ADD COLUMN dropped_row TEXT NOT NULL DEFAULT '';
