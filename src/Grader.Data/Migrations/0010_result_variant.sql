-- The variant a result was graded against, for randomized problems ('seed 123', or an override's values); null for a
-- problem that declares no parameters. A regrade draws the same student's variant again from the same seed.
alter table results add column variant text;
