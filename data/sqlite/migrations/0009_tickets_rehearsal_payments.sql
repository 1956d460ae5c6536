-- The desk at scanner speed: the tickets people bring, a rehearsal that
-- counts nowhere, and payments taken at the desk (issue 15).
-- Never edit this file once released: add 0010_….sql instead.

-- The identifiers of the e-tickets a ticketing platform sent (HelloAsso's
-- "Numéro de billet", Eventbrite's "Barcode #", Weezevent's "Code-barre"…),
-- kept by the import so that the desk checks a person in by scanning one.
-- A person may hold several; a ticket belongs to one person. code is as
-- the desk compares it (data.NormaliseTicket).
CREATE TABLE ticket (
    code           TEXT PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    source         TEXT NOT NULL DEFAULT '', -- the column it was read from
    at             TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX ticket_participant ON ticket (participant_id);

-- What a desk records outside the congress days (the volunteers' rehearsal
-- the evening before): the same entries as checkin, kept apart so that no
-- count, list, sheet or export ever reads them. Cleared with one button.
CREATE TABLE rehearsal_checkin (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('arrival', 'session', 'undo')),
    day            TEXT NOT NULL,
    session_id     INTEGER REFERENCES session (id) ON DELETE CASCADE,
    cancels        INTEGER REFERENCES rehearsal_checkin (id) ON DELETE CASCADE,
    at             TEXT NOT NULL,
    desk           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rehearsal_checkin_participant ON rehearsal_checkin (participant_id, id);
CREATE UNIQUE INDEX rehearsal_checkin_cancels ON rehearsal_checkin (cancels) WHERE cancels IS NOT NULL;

-- Fees paid at the desk: how much, how, at which desk and when. A payment
-- taken back is not deleted: undone_at says when (the log keeps both).
-- Deleting a participant who has payments is refused by the foreign key.
CREATE TABLE payment (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participant (id),
    amount_cents   INTEGER NOT NULL CHECK (amount_cents > 0),
    method         TEXT NOT NULL CHECK (method IN ('cash', 'card', 'cheque', 'transfer')),
    desk           TEXT NOT NULL DEFAULT '',
    at             TEXT NOT NULL,
    undone_at      TEXT
);
CREATE INDEX payment_participant ON payment (participant_id, id);
