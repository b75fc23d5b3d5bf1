-- bench/throughput.sh, raw limits: the least a durable pipeline must do per submission, with nothing of Grader around it.
drop table if exists raw_results, raw_submissions;
create table raw_submissions (
    id          uuid primary key default gen_random_uuid(),
    external_id text not null unique,
    course      text not null,
    answers     jsonb not null,
    status      text not null,
    received_at timestamptz not null default now(),
    graded_at   timestamptz
);
create table raw_results (
    id            uuid primary key default gen_random_uuid(),
    submission_id uuid not null references raw_submissions (id),
    score         double precision not null,
    parts         jsonb not null
);
