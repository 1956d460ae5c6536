-- The tickets of the people an organiser deleted (issue 19): a platform's
-- next export still lists them, and its import would register them again.
-- Deleting someone keeps each of their tickets' codes here, with when, and
-- nothing else of theirs: an import leaves a row with such a ticket out
-- and says so, unless it is told to create anyway (which takes the code
-- out of this list). A row has its row sum, as every row of a file
-- (0011_row_sums.sql). The server's twin is
-- data/postgres/migrations/0018_ticket_deleted.sql.
-- Never edit this file once released: add 0019_….sql instead.
CREATE TABLE ticket_deleted (
    code    TEXT PRIMARY KEY,
    at      TEXT NOT NULL,
    row_sum INTEGER
) WITHOUT ROWID;
CREATE TRIGGER ticket_deleted_sum_insert AFTER INSERT ON ticket_deleted BEGIN
    UPDATE ticket_deleted SET row_sum = congres_sum(NEW.code, NEW.at) WHERE code = NEW.code;
END;
CREATE TRIGGER ticket_deleted_sum_update AFTER UPDATE OF code, at ON ticket_deleted BEGIN
    UPDATE ticket_deleted SET row_sum = congres_sum(NEW.code, NEW.at) WHERE code = NEW.code;
END;
