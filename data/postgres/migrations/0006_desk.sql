-- The registration desk: as data/migrations/0006_desk.sql. Never edit this
-- file once released.

-- The organiser's PIN, which unlocks a desk locked to the Accueil screen.
-- Only a salted hash is kept, never the PIN. No row: no PIN.
CREATE TABLE desk_pin (
    id     integer PRIMARY KEY CHECK (id = 1),
    hash   text NOT NULL,
    set_at timestamptz NOT NULL
);
