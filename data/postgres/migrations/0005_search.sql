-- Search (data/migrations/0005_search.sql keeps the file's in SQLite's FTS5):
-- accents, case, word order and prefixes ignored, so that "beas", "BEASSE"
-- and "eric bea" find Éric Béasse, with PostgreSQL's own tools: unaccent
-- and trigrams (pg_trgm), both shipped with PostgreSQL and trusted (the
-- database's owner may create them). Never edit this file once released.
--
-- participant_search holds, per participant, one line of what a search
-- looks in (first and last name, organisation, email, code and name_key,
-- the name as Congrès folds it: ł → l, ß → s…), folded by search_fold and
-- with a space before every word. Triggers keep it in step, as the file's
-- triggers keep participant_fts. A typed word w, itself folded by Congrès
-- and by search_fold, matches the start of a word:
--     doc LIKE '% ' || search_fold(w) || '%'
-- and every word typed must match. The trigram index serves these LIKEs.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- search_fold: lower case, accents removed, and every run of spaces and
-- punctuation (ASCII, Latin-1's and Unicode's general punctuation: ’ « » –)
-- one space, trimmed. It is immutable, as an index needs: unaccent is only
-- stable because its dictionary could change, so this wrapper names the
-- dictionary itself (a SQL-standard body binds it when created, whatever
-- the search_path). The separators are listed rather than taken from the
-- server's locale, which may be "C".
CREATE FUNCTION search_fold(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN btrim(regexp_replace(lower(unaccent('unaccent'::regdictionary, t)),
                                '[\s!-/:-@\[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000]+', ' ', 'g'));

CREATE TABLE participant_search (
    participant_id bigint PRIMARY KEY REFERENCES participant (id) ON DELETE CASCADE,
    doc            text COLLATE "C" NOT NULL
);
CREATE INDEX participant_search_doc ON participant_search USING gin (doc gin_trgm_ops);

-- participant_search_doc: the line of participant p, with its organisation.
CREATE FUNCTION participant_search_doc(p participant) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN ' ' || search_fold(concat_ws(' ', p.first_name, p.last_name,
        (SELECT o.name FROM organisation o WHERE o.id = p.organisation_id),
        p.email, p.code, p.name_key));

CREATE FUNCTION participant_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO participant_search (participant_id, doc)
    VALUES (NEW.id, participant_search_doc(NEW))
    ON CONFLICT (participant_id) DO UPDATE SET doc = excluded.doc;
    RETURN NULL;
END;
$$;
-- New participants get their lines once per statement, from the rows the
-- statement inserted: an import's thousands of rows per statement are
-- written in one INSERT … SELECT (twice as fast as one call per row).
CREATE FUNCTION participant_search_insert_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO participant_search (participant_id, doc)
    SELECT n.id, participant_search_doc(n) FROM new_rows n
    ON CONFLICT (participant_id) DO UPDATE SET doc = excluded.doc;
    RETURN NULL;
END;
$$;
CREATE TRIGGER participant_search_insert AFTER INSERT ON participant
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION participant_search_insert_rows();
-- Deleting an organisation sets its participants' organisation_id to NULL,
-- an update that this trigger sees too.
CREATE TRIGGER participant_search_update AFTER UPDATE OF first_name, last_name, organisation_id, email, code, name_key ON participant
    FOR EACH ROW EXECUTE FUNCTION participant_search_sync();

CREATE FUNCTION organisation_search_rename() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE participant_search s SET doc = participant_search_doc(p)
    FROM participant p
    WHERE p.organisation_id = NEW.id AND s.participant_id = p.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER organisation_search_rename AFTER UPDATE OF name ON organisation
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION organisation_search_rename();

INSERT INTO participant_search (participant_id, doc)
SELECT p.id, participant_search_doc(p) FROM participant p;
