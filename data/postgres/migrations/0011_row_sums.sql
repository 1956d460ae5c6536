-- Row sums: nothing to do on a server. data/migrations/0011_row_sums.sql
-- gives every row of a congress file a row_sum, a hash of its values that
-- the file's full check recomputes, because SQLite checks the structure of
-- its pages and not the values in them. A server keeps its data itself
-- (the WAL, and data checksums where the server has them), and a copy from
-- a server into a file has the file's triggers compute each row's sum. This
-- number is kept so that the file's and the server's migrations stay
-- numbered alike. Never edit this file once released.
SELECT 1;
