-- The language of what a congress prints and exports (issue 18): badges,
-- sign-in sheets, certificates, the attendance workbook and lists follow
-- the congress, not the laptop's language. Every congress made before
-- this was French: it keeps French. The change feed's triggers on
-- congress (0012_replicas.sql) note the row whatever its columns; a
-- desk's file catches the new column up with its own 0014.
-- Never edit this file once released: add 0015_….sql instead.
ALTER TABLE congress ADD COLUMN output_language text NOT NULL DEFAULT 'fr'
    CHECK (output_language IN ('fr', 'en'));
