-- Merging two records of one person loses nothing: as
-- data/migrations/0007_merge.sql. Never edit this file once released.

-- The code of a record merged away stays a way to find the person it was
-- merged into. A code is either a participant's or an alias, never both.
CREATE TABLE code_alias (
    code           text PRIMARY KEY,
    participant_id bigint NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    at             timestamptz NOT NULL
);
CREATE INDEX code_alias_participant ON code_alias (participant_id);

-- The refusal's SQLSTATE is unique_violation (23505), as for the code of
-- another participant, for the store to tell by its code.
CREATE FUNCTION participant_code_not_alias() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM code_alias WHERE code = NEW.code) THEN
        RAISE EXCEPTION 'this code belongs to a merged record'
            USING ERRCODE = 'unique_violation', TABLE = 'participant', CONSTRAINT = 'participant_code';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER participant_code_not_alias BEFORE INSERT ON participant
    FOR EACH ROW EXECUTE FUNCTION participant_code_not_alias();
CREATE TRIGGER participant_recode_not_alias BEFORE UPDATE OF code ON participant
    FOR EACH ROW EXECUTE FUNCTION participant_code_not_alias();

-- The merge log keeps both records whole, as they were just before the
-- merge (JSON objects of every field, days included; '' for merges logged
-- before this version, hence text rather than jsonb).
ALTER TABLE merge_log ADD COLUMN dropped_id bigint NOT NULL DEFAULT 0;
ALTER TABLE merge_log ADD COLUMN kept_row text NOT NULL DEFAULT '';
ALTER TABLE merge_log ADD COLUMN dropped_row text NOT NULL DEFAULT '';
