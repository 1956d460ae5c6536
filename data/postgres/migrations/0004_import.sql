-- Importing registrations from spreadsheets: as
-- data/migrations/0004_import.sql. Never edit this file once released.

-- The mapping of columns to fields last chosen for a header. header_key is
-- the header's names folded by Congrès, in order, joined by line feeds.
-- mapping is a JSON array of field keys, one per column of header (CASE:
-- the lengths are compared only once both are arrays).
CREATE TABLE import_mapping (
    header_key text COLLATE "C" PRIMARY KEY,
    header     jsonb NOT NULL CHECK (jsonb_typeof(header) = 'array'), -- the names as found
    mapping    jsonb NOT NULL CHECK (CASE WHEN jsonb_typeof(mapping) = 'array' AND jsonb_typeof(header) = 'array'
                                         THEN jsonb_array_length(mapping) = jsonb_array_length(header)
                                         ELSE false END),
    saved_at   timestamptz NOT NULL
);
