-- API keys (issue 4): only the SHA-256 of each token is stored. Admin keys have no courses; the others at least one.
create table api_keys (
    id         uuid primary key,
    name       text not null,
    role       text not null check (role in ('lms', 'instructor', 'admin')),
    courses    text[] not null default '{}',
    token_hash bytea not null,
    created_at timestamptz not null,
    revoked_at timestamptz,
    check ((role = 'admin') = (cardinality(courses) = 0))
);

-- Every authenticated request finds its key by the token's hash.
create unique index ix_api_keys_token_hash on api_keys (token_hash);

-- The time the instructor queries sort and filter by: when the student submitted, or when it arrived if the LMS did not say.
alter table submissions
    add column effective_submitted_at timestamptz generated always as (coalesce(submitted_at, received_at)) stored;

-- Summary: submissions by status, per problem and time window, answered from the index alone; also the distinct problems.
create index ix_submissions_assignment_problem
    on submissions (course, assignment, problem_id, effective_submitted_at) include (status, student_id);

-- Summary and gradebook: each student's graded submissions per problem, newest first, with the result that counts.
create index ix_submissions_counted
    on submissions (course, assignment, student_id, problem_id, effective_submitted_at desc, id desc) include (current_result_id)
    where status = 'graded';

-- A student's history, newest first, keyset-paged on (effective_submitted_at, id).
create index ix_submissions_student_history on submissions (course, student_id, effective_submitted_at desc, id desc);
drop index ix_submissions_student;
