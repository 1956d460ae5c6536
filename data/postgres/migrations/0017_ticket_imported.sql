-- Re-importing next week's export (issue 19): each ticket remembers the
-- values the platform gave for it at its last import, as
-- data/sqlite/migrations/0017_ticket_imported.sql. '' is no memory.
-- Never edit this file once released: add 0018_….sql instead.
ALTER TABLE ticket ADD COLUMN imported text NOT NULL DEFAULT '';
