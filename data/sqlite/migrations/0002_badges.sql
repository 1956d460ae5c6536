-- What each badge layout shows and how it prints, set in Settings. The
-- settings are one JSON object per layout, so that a later version can add
-- a setting without a migration: a key that is missing takes its default.
-- Never edit this file once released: add 0003_….sql instead.

CREATE TABLE badge_settings (
    layout   TEXT PRIMARY KEY, -- the layout's name, e.g. "a4-85x54"
    settings TEXT NOT NULL CHECK (json_valid(settings) AND json_type(settings) = 'object')
) WITHOUT ROWID;
