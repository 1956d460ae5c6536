-- Importing registrations from spreadsheets (issue 6).
-- Never edit this file once released: add 0005_….sql instead.

-- The mapping of columns to fields last chosen for a header, so that next
-- week's export of the same platform is read the same way without asking.
-- header_key is the header's names folded by Congrès (case, accents and
-- punctuation ignored), in order, joined by line feeds (which folding never
-- leaves in a name). mapping is a JSON array of field keys ("first_name",
-- "email"…, "" for a column left out), one per column: a field that a later
-- version adds is unknown to older ones, which leave its column out.
CREATE TABLE import_mapping (
    header_key TEXT PRIMARY KEY,
    header     TEXT NOT NULL CHECK (json_valid(header) AND json_type(header) = 'array'), -- the names as found
    mapping    TEXT NOT NULL CHECK (json_valid(mapping) AND json_type(mapping) = 'array'
                                    AND json_array_length(mapping) = json_array_length(header)),
    saved_at   TEXT NOT NULL
) WITHOUT ROWID;
