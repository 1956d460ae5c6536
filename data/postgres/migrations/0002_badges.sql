-- What each badge layout shows and how it prints, set in Settings: as
-- data/migrations/0002_badges.sql. The settings are one JSON object per
-- layout, so that a later version can add a setting without a migration.
-- Never edit this file once released.

CREATE TABLE badge_settings (
    layout   text PRIMARY KEY, -- the layout's name, e.g. "a4-85x54"
    settings jsonb NOT NULL CHECK (jsonb_typeof(settings) = 'object')
);
