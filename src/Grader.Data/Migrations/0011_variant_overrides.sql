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
