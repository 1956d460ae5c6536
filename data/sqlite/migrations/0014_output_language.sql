-- The language of what a congress prints and exports (issue 18): badges,
-- sign-in sheets, certificates, the attendance workbook and lists follow
-- the congress, not the laptop's language. Every congress made before
-- this was French: it keeps French.
--
-- A row's row_sum is its last column, summed by its triggers over every
-- column before it (0011_row_sums.sql, TestRowSumTriggers), and ALTER TABLE
-- ADD COLUMN would put the new column after it: the table is built again,
-- with the new column before row_sum, and its two triggers with it.
-- Nothing refers to congress (its one row has id 1), so it can be dropped.
-- Never edit this file once released: add 0015_….sql instead.
CREATE TABLE congress_new (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    name            TEXT NOT NULL,
    edition         TEXT NOT NULL DEFAULT '',
    venue           TEXT NOT NULL DEFAULT '',
    city            TEXT NOT NULL DEFAULT '',
    logo            BLOB,
    signature       BLOB,
    signatory       TEXT NOT NULL DEFAULT '',
    output_language TEXT NOT NULL DEFAULT 'fr' CHECK (output_language IN ('fr', 'en')),
    row_sum         INTEGER
);
INSERT INTO congress_new (id, name, edition, venue, city, logo, signature, signatory, output_language)
    SELECT id, name, edition, venue, city, logo, signature, signatory, 'fr' FROM congress;
DROP TABLE congress;
ALTER TABLE congress_new RENAME TO congress;
CREATE TRIGGER congress_sum_insert AFTER INSERT ON congress BEGIN
    UPDATE congress SET row_sum = congres_sum(NEW.id, NEW.name, NEW.edition, NEW.venue, NEW.city, NEW.logo, NEW.signature, NEW.signatory, NEW.output_language) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER congress_sum_update AFTER UPDATE OF id, name, edition, venue, city, logo, signature, signatory, output_language ON congress BEGIN
    UPDATE congress SET row_sum = congres_sum(NEW.id, NEW.name, NEW.edition, NEW.venue, NEW.city, NEW.logo, NEW.signature, NEW.signatory, NEW.output_language) WHERE rowid = NEW.rowid;
END;
UPDATE congress SET row_sum = congres_sum(id, name, edition, venue, city, logo, signature, signatory, output_language);
