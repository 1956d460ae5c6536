-- A congress file copied from a congress kept on a server remembers the
-- server's revision it holds (issue 17): a desk's replica catches up from
-- there with the server's change feed (data/replica.go; the server's side
-- is data/postgres/migrations/0012_replicas.sql). A file that is not such
-- a copy has no row here. Its row has a row sum, as every row of a file
-- (0011_row_sums.sql). Never edit this file once released: add 0013_….sql
-- instead.
CREATE TABLE replica_of (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL,
    row_sum  INTEGER
);
CREATE TRIGGER replica_of_sum_insert AFTER INSERT ON replica_of BEGIN
    UPDATE replica_of SET row_sum = congres_sum(NEW.id, NEW.revision) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER replica_of_sum_update AFTER UPDATE OF id, revision ON replica_of BEGIN
    UPDATE replica_of SET row_sum = congres_sum(NEW.id, NEW.revision) WHERE rowid = NEW.rowid;
END;
