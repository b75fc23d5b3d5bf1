-- PostgreSQL's fixed CPU per grade statement (issue 14). A grade of one submission cost about 3.2 ms of PostgreSQL CPU
-- against 0.42 ms a submission in batches of 16, and most of the difference was planning, not running: the three
-- PL/pgSQL helpers that the grade's statement triggers call with an array (the chain's relink, 0025/0026; the manual
-- parts' refresh, 0022/0027; the counted offer, 0004/0026) planned their statements again on every call
-- (pg_stat_statements with track = all and track_planning: 202 plans in 201 calls each, 0.84, 0.71 and 0.35 ms of
-- planning per call). PL/pgSQL keeps their prepared statements for the session, but the plan cache chose a custom plan
-- every time: with the array's length known (1, or 16) a custom plan's estimate always beats the generic plan's (which
-- assumes 100 elements), so it never switched, and a custom plan of those multi-CTE statements costs more to make than
-- to run. They are written for any number of elements (every join is on an index; their plans do not depend on the
-- array's values), so they keep the generic plan: made once per connection, then reused.
-- bench/best-trigger-write-path.sh measures the difference; docs/benchmarks.md has the figures.
alter function window_chain_relink(window_chain_point[]) set plan_cache_mode = force_generic_plan;
alter function manual_parts_refresh(uuid[]) set plan_cache_mode = force_generic_plan;
alter function summary_offer_counted(uuid[]) set plan_cache_mode = force_generic_plan;
