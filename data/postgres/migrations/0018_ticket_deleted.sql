-- The tickets of the people an organiser deleted (issue 19), as
-- data/sqlite/migrations/0018_ticket_deleted.sql says: an import leaves a
-- row with such a ticket out, unless told to create anyway. In the change
-- feed, so that a desk's replica and a copy hold it.
-- Never edit this file once released: add 0019_….sql instead.
CREATE TABLE ticket_deleted (
    code text PRIMARY KEY,
    at   text NOT NULL
);
CREATE TRIGGER ticket_deleted_feed_insert AFTER INSERT ON ticket_deleted REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_change('code');
CREATE TRIGGER ticket_deleted_feed_update AFTER UPDATE ON ticket_deleted REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_change('code');
CREATE TRIGGER ticket_deleted_feed_delete AFTER DELETE ON ticket_deleted REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION log_change('code');
