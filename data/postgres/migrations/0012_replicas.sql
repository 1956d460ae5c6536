-- The change feed of a congress on a server (issue 17): every row that a
-- transaction adds, changes or deletes in a table of the congress is noted
-- here with the transaction's revision, so that a desk's copy of the
-- congress (its replica) catches up by reading the changes after the
-- revision it holds, instead of copying the whole congress again.
--
-- Every write transaction of Congrès on a server first updates the
-- revision row (data/postgres/dialect.go, BumpRevision), and holds its lock
-- until it commits: writers commit one after another, in revision order.
-- So once a reader sees revision n committed, it sees every change of the
-- revisions before it: "the changes after revision n" is a feed without
-- gaps, and no device's clock takes part in it.
--
-- row_key is the row's primary key as a JSON object ({"id": 12},
-- {"participant_id": 3, "day": "2026-06-01"}); a reader fetches the row by
-- its key and, if it is no longer there, deletes it from its copy. A key
-- changed by an UPDATE is noted twice, old and new.
--
-- The triggers are per statement, with the statement's rows as transition
-- tables, so that an import of 100,000 rows adds one INSERT … SELECT per
-- statement rather than a trigger call per row. Their function runs with
-- its owner's rights (SECURITY DEFINER): a desk account writes check-ins,
-- and the feed follows, but it cannot write into the feed itself.
-- The file's 0012_replicas.sql adds replica_of, where a copy stands.
-- Never edit this file once released: add 0013_….sql instead.
CREATE TABLE change_log (
    revision bigint NOT NULL,
    tbl      text   NOT NULL,
    row_key  jsonb  NOT NULL,
    PRIMARY KEY (revision, tbl, row_key)
);

CREATE FUNCTION log_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    keys text;
BEGIN
    SELECT string_agg(format('%L, t.%I', k, k), ', ') INTO keys FROM unnest(TG_ARGV) AS k;
    IF TG_OP <> 'DELETE' THEN
        EXECUTE format('INSERT INTO change_log (revision, tbl, row_key)
            SELECT (SELECT n FROM revision), $1, jsonb_build_object(%s) FROM new_rows t
            ON CONFLICT DO NOTHING', keys) USING TG_TABLE_NAME;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        EXECUTE format('INSERT INTO change_log (revision, tbl, row_key)
            SELECT (SELECT n FROM revision), $1, jsonb_build_object(%s) FROM old_rows t
            ON CONFLICT DO NOTHING', keys) USING TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END
$$;

-- The tables of a congress, each with its primary key: the tables a copy
-- carries (data/copy.go, copyTables). TestChangeLogCoversTheCopy checks
-- that the two lists agree.
DO $$
DECLARE
    t record;
    args text;
BEGIN
    FOR t IN SELECT * FROM (VALUES
        ('congress', ARRAY['id']), ('congress_day', ARRAY['day']), ('category', ARRAY['id']),
        ('organisation', ARRAY['id']), ('participant', ARRAY['id']),
        ('participant_day', ARRAY['participant_id', 'day']), ('room', ARRAY['id']), ('session', ARRAY['id']),
        ('session_person', ARRAY['session_id', 'participant_id']), ('enrolment', ARRAY['id']),
        ('stand', ARRAY['id']), ('stand_staff', ARRAY['stand_id', 'participant_id']), ('checkin', ARRAY['id']),
        ('merge_log', ARRAY['id']), ('badge_print', ARRAY['id']), ('badge_settings', ARRAY['layout']),
        ('list_preset', ARRAY['id']), ('desk_pin', ARRAY['id']), ('import_mapping', ARRAY['header_key']),
        ('code_alias', ARRAY['code']), ('bulk_change', ARRAY['id']),
        ('bulk_change_participant', ARRAY['change_id', 'participant_id']),
        ('bulk_change_enrolment', ARRAY['change_id', 'participant_id', 'session_id']),
        ('ticket', ARRAY['code']), ('rehearsal_checkin', ARRAY['id']), ('payment', ARRAY['id'])
    ) AS v(tbl, keys) LOOP
        SELECT string_agg(quote_literal(k), ', ') INTO args FROM unnest(t.keys) AS k;
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION log_change(%s)', t.tbl || '_feed_insert', t.tbl, args);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION log_change(%s)', t.tbl || '_feed_update', t.tbl, args);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION log_change(%s)', t.tbl || '_feed_delete', t.tbl, args);
    END LOOP;
END
$$;
