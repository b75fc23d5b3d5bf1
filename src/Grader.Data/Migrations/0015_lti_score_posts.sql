-- AGS Score posts, the LTI twin of grade_events: a row per score change of a submission that has a line item (its own or
-- its assignment's), inserted in the transaction that stores the grade, sent by the worker's LTI dispatcher. The Score's
-- fields are fixed at insert, so every retry posts the same Score.
create table lti_score_posts (
    seq              bigint generated always as identity primary key,
    id               uuid not null unique,
    source           text not null,
    submission_id    uuid not null references submissions (id) on delete cascade,
    result_id        uuid not null references results (id),
    revision         integer not null,
    line_item_url    text not null,
    user_id          text not null,
    score_given      double precision not null,
    score_maximum    double precision not null,
    grading_progress text not null check (grading_progress in ('FullyGraded', 'PendingManual')),
    -- The revision's grading time: the Score's timestamp, so the platform drops one older than what it has.
    score_timestamp  timestamptz not null,
    state            text not null default 'pending' check (state in ('pending', 'delivered', 'dead')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    retry_from       timestamptz not null,
    last_attempt_at  timestamptz,
    last_error       text,
    delivered_at     timestamptz
);

create index ix_lti_score_posts_due on lti_score_posts (source, next_attempt_at) where state = 'pending';
create index ix_lti_score_posts_pending_submission on lti_score_posts (submission_id, seq) where state = 'pending';
create index ix_lti_score_posts_source_state on lti_score_posts (source, state, seq);
create index ix_lti_score_posts_submission on lti_score_posts (submission_id, seq);
