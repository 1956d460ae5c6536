-- The file's 0016 drops the trailing id of its name and sort indexes
-- (participant_sort, participant_organisation_sort,
-- participant_status_sort): in SQLite every index entry already ends with
-- the rowid, which participant.id is. A PostgreSQL index holds no such
-- column, and reads people in the order of (sort_key, id) only when it
-- holds id: the server keeps its indexes as 0001 and 0015 made them, and
-- its lists sort as the file's do. This migration changes nothing but the
-- schema's version, which the file and the server share.
-- Never edit this file once released: add 0017_….sql instead.
SELECT 1;
