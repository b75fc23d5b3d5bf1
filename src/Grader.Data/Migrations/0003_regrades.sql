-- Bulk regrades (issue 4). A job is planned once: its submissions are listed in regrade_items and cut into numbered
-- batches; each batch is one RegradeBatch message and commits in one transaction, so a redelivery finds it done.
create table regrade_jobs (
    id                                     uuid primary key,
    course                                 text,
    assignment                             text,
    problem_id                             text,
    graded_with_version_other_than_current boolean not null,
    submitted_before                       timestamptz,
    reason                                 text not null,
    dry_run                                boolean not null,
    state                                  text not null check (state in ('running', 'completed', 'cancelled', 'failed')),
    total                                  integer not null default 0,
    done                                   integer not null default 0,
    changed                                integer not null default 0,
    failed                                 integer not null default 0,
    batch_count                            integer not null default 0,
    batches_settled                        integer not null default 0,
    batches_failed                         integer not null default 0,
    -- The catalog versions the job was planned against: what "current" meant for its filter.
    planned_versions                       jsonb not null,
    created_at                             timestamptz not null,
    finished_at                            timestamptz
);

create table regrade_batches (
    job_id       uuid not null references regrade_jobs (id) on delete cascade,
    batch_number integer not null,
    state        text not null check (state in ('pending', 'done', 'failed')),
    size         integer not null,
    sent_at      timestamptz not null,
    finished_at  timestamptz,
    primary key (job_id, batch_number)
);

-- The regrade sweeper's scan: batches still pending, oldest send first.
create index ix_regrade_batches_pending on regrade_batches (sent_at) where state = 'pending';

create table regrade_items (
    job_id        uuid not null references regrade_jobs (id) on delete cascade,
    submission_id uuid not null references submissions (id) on delete cascade,
    batch_number  integer not null,
    outcome       text check (outcome in ('unchanged', 'changed', 'failed')),
    old_score     double precision,
    new_score     double precision,
    max_score     double precision,
    old_version   text,
    new_version   text,
    -- Parts whose status or score differ: [{partId, from, to, oldScore, newScore}].
    flips         jsonb,
    error         text,
    primary key (job_id, submission_id)
);

create index ix_regrade_items_batch on regrade_items (job_id, batch_number);

-- Which regrade wrote a result revision (null: the first grade).
alter table results add column regrade_job_id uuid references regrade_jobs (id) on delete set null;
