-- Re-importing next week's export (issue 19): each ticket remembers the
-- values the platform gave for it at its last import (names, email,
-- organisation, phone…: a short hash of each, data/import_memory.go), so
-- that the next import of the ticket, filling empty fields, tells a value
-- nobody touched since (the platform's correction is taken) from one the
-- organiser edited by hand (kept, and reported). '' is no memory: the
-- tickets imported before this keep today's behaviour.
--
-- A row's row_sum is its last column, summed by its triggers over every
-- column before it (0011_row_sums.sql, TestRowSumTriggers), and ALTER TABLE
-- ADD COLUMN would put the new column after it: the table is built again,
-- with the new column before row_sum, and its index and two triggers with
-- it. Nothing refers to ticket.
-- Never edit this file once released: add 0018_….sql instead.
CREATE TABLE ticket_new (
    code           TEXT PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    source         TEXT NOT NULL DEFAULT '', -- the column it was read from
    at             TEXT NOT NULL,
    imported       TEXT NOT NULL DEFAULT '', -- the platform's values at its last import
    row_sum        INTEGER
) WITHOUT ROWID;
INSERT INTO ticket_new (code, participant_id, source, at, imported, row_sum)
    SELECT code, participant_id, source, at, '', congres_sum(code, participant_id, source, at, '') FROM ticket;
DROP TABLE ticket;
ALTER TABLE ticket_new RENAME TO ticket;
CREATE INDEX ticket_participant ON ticket (participant_id);
CREATE TRIGGER ticket_sum_insert AFTER INSERT ON ticket BEGIN
    UPDATE ticket SET row_sum = congres_sum(NEW.code, NEW.participant_id, NEW.source, NEW.at, NEW.imported) WHERE code = NEW.code;
END;
CREATE TRIGGER ticket_sum_update AFTER UPDATE OF code, participant_id, source, at, imported ON ticket BEGIN
    UPDATE ticket SET row_sum = congres_sum(NEW.code, NEW.participant_id, NEW.source, NEW.at, NEW.imported) WHERE code = NEW.code;
END;
