-- Sorting the participants list by organisation, category or status at
-- 50,000 people within 300 ms (issue 19): each organisation's, category's
-- or status's people are read in the order of names straight from an
-- index, with no sort. The dashboard counts each category's people by
-- status from the index of categories, which holds their status.
-- The indexes on the organisation and on the category alone (0001) are the
-- first columns of the new ones, which serve their foreign keys as well.
-- Never edit this file once released: add 0016_….sql instead.
DROP INDEX IF EXISTS participant_organisation;
CREATE INDEX participant_organisation_sort ON participant (organisation_id, sort_key, id);
DROP INDEX IF EXISTS participant_category;
CREATE INDEX participant_category_sort ON participant (category_id, sort_key, id, status);
CREATE INDEX participant_status_sort ON participant (status, sort_key, id);
