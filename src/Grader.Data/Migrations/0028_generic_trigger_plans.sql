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

-- The result insert's part outcomes (0011's body, unchanged): as a SQL function its body was parsed,
-- analysed and planned again for every statement that calls it, once per grade statement whatever its size; as PL/pgSQL
-- its plan is kept for the connection. That saved about 0.2 ms of CPU per single-submission grade statement (two runs of
-- bench/best-trigger-write-path.sh, 6 rounds of 400, load 10-12: 2.24 -> 1.95, 2.21 -> 2.01 ms), nothing measurable in
-- batches of 16, and costs about 1.5 µs more a row in a query over many results (36,000 results: 29.7 against 28.3 µs).
create or replace function summary_part_outcomes(parts jsonb, answers jsonb) returns jsonb
language plpgsql immutable as $$
begin
    return (
        select coalesce(jsonb_agg(jsonb_build_object(
                   'p', p.part ->> 'partId', 's', p.part ->> 'status', 'o', p.position,
                   'w', case when p.part ->> 'status' in ('incorrect', 'partial', 'invalid')
                             then coalesce(p.part ->> 'pattern',
                                           case jsonb_typeof(answers -> (p.part ->> 'partId'))
                                               when 'string' then regexp_replace(answers ->> (p.part ->> 'partId'), '\s+', '', 'g')
                                               else (answers -> (p.part ->> 'partId'))::text end) end)
                   || case when jsonb_typeof(p.part -> 'tags') = 'array' and jsonb_array_length(p.part -> 'tags') > 0
                           then jsonb_build_object('t', p.part -> 'tags') else '{}'::jsonb end
                   order by p.position), '[]'::jsonb)
        from jsonb_array_elements(parts) with ordinality as p (part, position));
end
$$;
