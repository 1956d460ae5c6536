-- Check-ins held while the congress is busy: as
-- data/migrations/0010_desk_ops.sql. Each held action of a desk has a
-- unique id; this table remembers those written, so that one written twice
-- is recorded once. Never edit this file once released: add 0011_….sql
-- instead.
CREATE TABLE desk_op (
    op        text PRIMARY KEY, -- the action's unique id
    desk      text NOT NULL DEFAULT '',
    folded_at timestamptz NOT NULL -- when it was written into the congress
);
