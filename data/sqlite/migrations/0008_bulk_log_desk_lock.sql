-- Bulk changes that can be undone, and the desk lock kept with the file
-- (issue 14). Never edit this file once released: add 0009_….sql instead.

-- A locked desk stays locked with the file it protects: reopening the file,
-- on this laptop or another, shows the welcome desk until the organiser's
-- PIN is typed. Only a file with a PIN can be locked; removing the PIN
-- (its row) unlocks it.
ALTER TABLE desk_pin ADD COLUMN locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1));

-- The log of changes made to several participants at once (Participants →
-- Change category, Change status, Enrol in a session): who made it, when,
-- what it set, and whether it was undone.
CREATE TABLE bulk_change (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    by        TEXT NOT NULL,            -- the desk or laptop that made it
    kind      TEXT NOT NULL CHECK (kind IN ('category', 'status', 'enrol')),
    value     TEXT NOT NULL,            -- the category's name, the status, the session's title
    people    INTEGER NOT NULL,         -- how many participants it was asked for
    undone_at TEXT,                     -- NULL while it stands
    undone_by TEXT
);

-- What a bulk change did to each participant's own row: the values before
-- and after (updated_at included, so that an undo restores them exactly and
-- can tell whether the person was changed since). No reference to
-- participant: the log outlives a participant deleted later.
CREATE TABLE bulk_change_participant (
    change_id       INTEGER NOT NULL REFERENCES bulk_change (id) ON DELETE CASCADE,
    participant_id  INTEGER NOT NULL,
    category_before INTEGER NOT NULL,
    status_before   TEXT NOT NULL,
    updated_before  TEXT NOT NULL,
    category_after  INTEGER NOT NULL,
    status_after    TEXT NOT NULL,
    updated_after   TEXT NOT NULL,
    PRIMARY KEY (change_id, participant_id)
) WITHOUT ROWID;

-- What a bulk change did to enrolments, anyone's (cancelling someone hands
-- their places to the people waiting): the row before and after, NULL
-- status when there was no row.
CREATE TABLE bulk_change_enrolment (
    change_id      INTEGER NOT NULL REFERENCES bulk_change (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL,
    session_id     INTEGER NOT NULL,
    status_before  TEXT,
    at_before      TEXT,
    status_after   TEXT,
    at_after       TEXT,
    PRIMARY KEY (change_id, participant_id, session_id)
) WITHOUT ROWID;
