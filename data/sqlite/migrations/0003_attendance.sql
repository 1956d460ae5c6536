-- Attendance, lists, sign-in sheets and certificates (issue 5).
-- Never edit this file once released: add 0004_….sql instead.

-- Certificates of attendance are signed with this image (PNG or JPEG) above
-- the signatory's name and role.
ALTER TABLE congress ADD COLUMN signature BLOB;
ALTER TABLE congress ADD COLUMN signatory TEXT NOT NULL DEFAULT '';

-- Lists with chosen columns and a filter, saved under a name ("caterer
-- list", "hotel list"). columns is a JSON array of column keys, filter a
-- JSON object of the filter's fields: a field added later is missing from
-- older files and takes its default there.
CREATE TABLE list_preset (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    name_key TEXT NOT NULL, -- the name folded by Congrès: unique ignoring case and accents
    columns  TEXT NOT NULL CHECK (json_valid(columns) AND json_type(columns) = 'array'),
    filter   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(filter) AND json_type(filter) = 'object')
);
CREATE UNIQUE INDEX list_preset_name ON list_preset (name_key);

-- Who entered a session, for its attendance sheet.
CREATE INDEX checkin_session ON checkin (session_id) WHERE session_id IS NOT NULL;
