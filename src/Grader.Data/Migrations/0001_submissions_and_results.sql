-- Submissions as the LMS sent them, and their grades. Status values: queued, grading, graded, failed.
create table submissions (
    id                 uuid primary key,
    source             text not null,
    external_id        text not null,
    course             text not null,
    assignment         text not null,
    problem_id         text not null,
    student_id         text not null,
    answers            jsonb not null,
    submitted_at       timestamptz,
    received_at        timestamptz not null,
    status             text not null check (status in ('queued', 'grading', 'graded', 'failed')),
    enqueued_at        timestamptz not null,
    grading_started_at timestamptz,
    graded_at          timestamptz,
    attempts           integer not null default 0,
    failure_reason     text,
    current_result_id  uuid
);

-- Idempotency of LMS deliveries: a retried webhook hits this index and gets the stored submission back.
create unique index ix_submissions_source_external_id on submissions (source, external_id);
create index ix_submissions_course_assignment on submissions (course, assignment);
create index ix_submissions_student on submissions (course, student_id);
-- The sweeper's scan: only unfinished submissions, oldest enqueue first.
create index ix_submissions_unfinished on submissions (enqueued_at) where status in ('queued', 'grading');

create table results (
    id              uuid primary key,
    submission_id   uuid not null references submissions (id) on delete cascade,
    revision        integer not null,
    problem_version text not null,
    score           double precision not null,
    max_score       double precision not null,
    parts           jsonb not null,
    graded_at       timestamptz not null,
    duration_ms     double precision not null,
    graded_by       text not null
);

-- Exactly one first grade per submission however often the message is delivered.
create unique index ix_results_submission_revision on results (submission_id, revision);

alter table submissions
    add constraint fk_submissions_current_result foreign key (current_result_id) references results (id);
