-- Instructor overrides of one student's variant (issue 15), e.g. an accommodation. One row per (course, assignment,
-- problem, student); the variant endpoint, grading and regrades build that student's problem from it instead of from the
-- salted seed. It names a seed (a fresh draw), parameter values (put on top of the seed's draw, or of the handout's
-- numbers when there is no seed), or neither (the handout's numbers). Deleting the row restores the default variant.
create table variant_overrides (
    course           text not null,
    assignment       text not null,
    problem_id       text not null,
    student_id       text not null,
    -- An unsigned 64-bit seed, as VariantSeed derives them: numeric, so it reads the same in SQL as in the API.
    seed             numeric(20, 0) check (seed >= 0 and seed <= 18446744073709551615),
    -- {"z": 2.5, "x": -3}: checked against the problem's parameters by the API before it is stored.
    parameter_values jsonb check (parameter_values is null or jsonb_typeof(parameter_values) = 'object'),
    reason           text not null default '',
    set_by           text not null,
    set_at           timestamptz not null,
    primary key (course, assignment, problem_id, student_id)
);

-- Common wrong answers across variants (issue 15): on a randomized problem every student has other numbers, so two
-- students with the same slip give different raw answers. The grader stores, on each wrong numeric part of a randomized
-- problem, a "pattern": how the answer relates to that student's own reference ("negated", "×2", "f: transposed").
-- The summary's wrong answer (w) is that pattern where there is one, the normalised raw answer otherwise (fixed problems,
-- expressions, invalid answers), as before. Results stored before this migration carry no pattern, so their stored
-- outcomes already equal what this function returns for them: nothing is backfilled.
create or replace function summary_part_outcomes(parts jsonb, answers jsonb) returns jsonb
language sql immutable as $$
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
    from jsonb_array_elements(parts) with ordinality as p (part, position)
$$;
