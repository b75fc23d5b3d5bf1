-- Outgoing grade events for LMS passback (issue 10). A row is inserted in the transaction that stores the grade (or the
-- failure), so nothing committed goes unannounced; a dispatcher in the worker sends it, retries it, or gives it up (dead).
-- The body is built at send time from the immutable result row, so every retry sends the same event.
create table grade_events (
    -- Insertion order; per submission it is revision order, since grades commit under the submission's row lock.
    seq             bigint generated always as identity primary key,
    id              uuid not null unique,
    source          text not null,
    submission_id   uuid not null references submissions (id) on delete cascade,
    result_id       uuid references results (id),
    revision        integer not null,
    type            text not null check (type in ('submission.graded', 'submission.regraded', 'submission.failed')),
    occurred_at     timestamptz not null,
    state           text not null default 'pending' check (state in ('pending', 'delivered', 'dead')),
    attempts        integer not null default 0,
    -- When the event may be sent next: its due time, a retry's backoff, or a claim's lease while a dispatcher sends it.
    next_attempt_at timestamptz not null,
    -- Start of the current retry window (insert, or an admin's redelivery); past Webhooks:Delivery:MaxAge it goes dead.
    retry_from      timestamptz not null,
    last_attempt_at timestamptz,
    last_error      text,
    delivered_at    timestamptz
);

-- The dispatcher's scan, one source at a time; and the "no earlier pending event of this submission" check.
create index ix_grade_events_due on grade_events (source, next_attempt_at) where state = 'pending';
create index ix_grade_events_pending_submission on grade_events (submission_id, seq) where state = 'pending';
-- The admin list: by source and state, newest first.
create index ix_grade_events_source_state on grade_events (source, state, seq);
create index ix_grade_events_submission on grade_events (submission_id, seq);
