-- The name and sort indexes without their trailing id (issue 19). In the
-- file, participant.id is the rowid, which every index entry already ends
-- with: (organisation_id, sort_key, id) held each ID twice, and SQLite
-- reads (organisation_id, sort_key) in the order of (organisation_id,
-- sort_key, id) as well. The participants list's sorts stay index-only,
-- with no sort (TestParticipantSortsUseIndexes), and each index is smaller
-- and quicker to build again after a large import (BenchmarkImport100k).
-- The index of categories keeps its id: its status comes after, and the
-- rowid would come after the status.
-- Never edit this file once released: add 0017_….sql instead.
DROP INDEX participant_sort;
CREATE INDEX participant_sort ON participant (sort_key);
DROP INDEX participant_organisation_sort;
CREATE INDEX participant_organisation_sort ON participant (organisation_id, sort_key);
DROP INDEX participant_status_sort;
CREATE INDEX participant_status_sort ON participant (status, sort_key);
