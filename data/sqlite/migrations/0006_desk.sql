-- The registration desk (issue 7).
-- Never edit this file once released: add 0007_….sql instead.

-- The organiser's PIN, which unlocks a desk locked to the Accueil screen.
-- Only a salted hash is kept, never the PIN: "pbkdf2-sha256$ITERATIONS$SALT$KEY"
-- with the salt (16 random bytes) and the key (32 bytes) in unpadded base64.
-- No row: no PIN.
CREATE TABLE desk_pin (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    hash   TEXT NOT NULL,
    set_at TEXT NOT NULL
);
