-- The first schema of a congress file. Never edit this file once released:
-- add 0002_….sql instead.

CREATE TABLE congress (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    name    TEXT NOT NULL,
    edition TEXT NOT NULL DEFAULT '',
    venue   TEXT NOT NULL DEFAULT '',
    city    TEXT NOT NULL DEFAULT '',
    logo    BLOB
);

-- Bumped by every write transaction: a backup that holds the same number
-- holds the same state.
CREATE TABLE revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO revision (id, n) VALUES (1, 0);

CREATE TABLE congress_day (
    day TEXT PRIMARY KEY -- YYYY-MM-DD
) WITHOUT ROWID;

CREATE TABLE category (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    badge_label TEXT NOT NULL,
    colour      TEXT NOT NULL,
    position    INTEGER NOT NULL
);
CREATE UNIQUE INDEX category_name ON category (name COLLATE NOCASE);

CREATE TABLE organisation (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL,
    kind   TEXT NOT NULL DEFAULT '',
    member INTEGER NOT NULL DEFAULT 0,
    region TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX organisation_name ON organisation (name COLLATE NOCASE);

CREATE TABLE participant (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL,
    first_name      TEXT NOT NULL,
    last_name       TEXT NOT NULL,
    email           TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    organisation_id INTEGER REFERENCES organisation (id) ON DELETE SET NULL,
    job_title       TEXT NOT NULL DEFAULT '',
    category_id     INTEGER NOT NULL REFERENCES category (id),
    region          TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled')),
    fee_cents       INTEGER NOT NULL DEFAULT 0 CHECK (fee_cents >= 0),
    paid            INTEGER NOT NULL DEFAULT 0,
    diet            TEXT NOT NULL DEFAULT '',
    accessibility   TEXT NOT NULL DEFAULT '',
    image_consent   INTEGER NOT NULL DEFAULT 0,
    notes           TEXT NOT NULL DEFAULT '',
    sort_key        TEXT NOT NULL, -- folded "last first", for ordering by name
    name_key        TEXT NOT NULL, -- folded "first last", for duplicate detection
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX participant_code ON participant (code);
CREATE INDEX participant_sort ON participant (sort_key, id);
CREATE INDEX participant_name_key ON participant (name_key);
CREATE INDEX participant_email ON participant (email COLLATE NOCASE) WHERE email <> '';
CREATE INDEX participant_category ON participant (category_id);
CREATE INDEX participant_organisation ON participant (organisation_id);

CREATE TABLE participant_day (
    participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    day            TEXT NOT NULL REFERENCES congress_day (day),
    PRIMARY KEY (participant_id, day)
) WITHOUT ROWID;
CREATE INDEX participant_day_day ON participant_day (day);

CREATE TABLE room (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    capacity INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0), -- 0: unknown
    location TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX room_name ON room (name COLLATE NOCASE);

CREATE TABLE session (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('plenary', 'workshop', 'other')),
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    day         TEXT NOT NULL REFERENCES congress_day (day),
    start_min   INTEGER NOT NULL, -- minutes after midnight
    end_min     INTEGER NOT NULL,
    room_id     INTEGER REFERENCES room (id),
    capacity    INTEGER CHECK (capacity >= 0), -- NULL: the room's
    CHECK (end_min > start_min)
);
CREATE INDEX session_day ON session (day, start_min);

CREATE TABLE session_person (
    session_id     INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    role           TEXT NOT NULL CHECK (role IN ('speaker', 'facilitator')),
    PRIMARY KEY (session_id, participant_id)
);
CREATE INDEX session_person_participant ON session_person (participant_id);

CREATE TABLE enrolment (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    session_id     INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    status         TEXT NOT NULL CHECK (status IN ('enrolled', 'waitlisted', 'cancelled')),
    at             TEXT NOT NULL, -- when the person took this place in the queue
    UNIQUE (participant_id, session_id)
);
CREATE INDEX enrolment_session ON enrolment (session_id, status, at, id);

CREATE TABLE stand (
    id              INTEGER PRIMARY KEY,
    number          TEXT NOT NULL,
    name            TEXT NOT NULL,
    zone            TEXT NOT NULL DEFAULT '',
    organisation_id INTEGER REFERENCES organisation (id) ON DELETE SET NULL,
    contact_id      INTEGER REFERENCES participant (id) ON DELETE SET NULL,
    power           INTEGER NOT NULL DEFAULT 0,
    tables          INTEGER NOT NULL DEFAULT 0 CHECK (tables >= 0),
    chairs          INTEGER NOT NULL DEFAULT 0 CHECK (chairs >= 0),
    grid_x          INTEGER NOT NULL DEFAULT 0,
    grid_y          INTEGER NOT NULL DEFAULT 0,
    notes           TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX stand_number ON stand (number COLLATE NOCASE);

CREATE TABLE stand_staff (
    stand_id       INTEGER NOT NULL REFERENCES stand (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    PRIMARY KEY (stand_id, participant_id)
);

-- The check-in log is append-only: an undo is a new row that cancels an
-- earlier one. Deleting a participant who has rows here is refused by the
-- foreign key.
CREATE TABLE checkin (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participant (id),
    kind           TEXT NOT NULL CHECK (kind IN ('arrival', 'session', 'undo')),
    day            TEXT NOT NULL,
    session_id     INTEGER REFERENCES session (id),
    cancels        INTEGER REFERENCES checkin (id),
    at             TEXT NOT NULL,
    desk           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX checkin_participant ON checkin (participant_id, id);
CREATE INDEX checkin_day ON checkin (day, kind);
CREATE UNIQUE INDEX checkin_cancels ON checkin (cancels) WHERE cancels IS NOT NULL;

-- Only a merge of two records of one person re-attributes entries (and is
-- itself recorded in merge_log); what an entry says never changes.
CREATE TRIGGER checkin_no_update BEFORE UPDATE OF id, kind, day, session_id, cancels, at, desk ON checkin
BEGIN
    SELECT RAISE(ABORT, 'the check-in log is append-only');
END;
CREATE TRIGGER checkin_no_delete BEFORE DELETE ON checkin
BEGIN
    SELECT RAISE(ABORT, 'the check-in log is append-only');
END;

CREATE TABLE merge_log (
    id           INTEGER PRIMARY KEY,
    kept_id      INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    dropped_code TEXT NOT NULL,
    dropped_name TEXT NOT NULL,
    at           TEXT NOT NULL
);

CREATE TABLE badge_print (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    at             TEXT NOT NULL,
    layout         TEXT NOT NULL
);
CREATE INDEX badge_print_participant ON badge_print (participant_id);

-- Search: accent-, case- and order-insensitive prefix search, kept in sync by
-- triggers. The rowid is the participant's id.
-- name_key is the name folded by Congrès (ł → l, đ → d, ø → o, ß → s…), so
-- that "lukasz" and "duc" find Łukasz and Đức.
CREATE VIRTUAL TABLE participant_fts USING fts5 (
    first_name, last_name, organisation, email, code, name_key,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

CREATE TRIGGER participant_fts_insert AFTER INSERT ON participant
BEGIN
    INSERT INTO participant_fts (rowid, first_name, last_name, organisation, email, code, name_key)
    VALUES (new.id, new.first_name, new.last_name,
            coalesce((SELECT name FROM organisation WHERE id = new.organisation_id), ''),
            new.email, new.code, new.name_key);
END;

CREATE TRIGGER participant_fts_update AFTER UPDATE OF first_name, last_name, organisation_id, email, code, name_key ON participant
BEGIN
    UPDATE participant_fts
    SET first_name = new.first_name, last_name = new.last_name,
        organisation = coalesce((SELECT name FROM organisation WHERE id = new.organisation_id), ''),
        email = new.email, code = new.code, name_key = new.name_key
    WHERE rowid = old.id;
END;

CREATE TRIGGER participant_fts_delete AFTER DELETE ON participant
BEGIN
    DELETE FROM participant_fts WHERE rowid = old.id;
END;

CREATE TRIGGER organisation_fts_rename AFTER UPDATE OF name ON organisation
BEGIN
    UPDATE participant_fts SET organisation = new.name
    WHERE rowid IN (SELECT id FROM participant WHERE organisation_id = new.id);
END;

CREATE TRIGGER organisation_fts_delete BEFORE DELETE ON organisation
BEGIN
    UPDATE participant_fts SET organisation = ''
    WHERE rowid IN (SELECT id FROM participant WHERE organisation_id = old.id);
END;
