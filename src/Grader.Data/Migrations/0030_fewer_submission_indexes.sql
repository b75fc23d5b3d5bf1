-- Fewer index entries per submission (issue 14): every submission is inserted and then updated three times, none of them
-- HOT (the claim, the mark graded, and the relink of its key's previous latest: status and superseded_at are indexed), so
-- each index on all rows of submissions takes about four entries a submission and their WAL. Every statement that reads
-- submissions was checked against its indexes (docs/benchmarks.md, "submissions' indexes"): ix_submissions_course_assignment
-- (0001) is a prefix of ix_submissions_window (0005) and of ix_submissions_assignment_problem (0002), and no statement's
-- plan used it; without it each plan stayed the same. The other eight each serve a query that has no other index path.
-- (Dropping ix_submissions_assignment_problem too, with problem_id added to ix_submissions_window's INCLUDE, cost a
-- windowed summary with a problem filter ~40 ms of PostgreSQL's CPU at 1,000,000 results: not done.)
drop index ix_submissions_course_assignment;
