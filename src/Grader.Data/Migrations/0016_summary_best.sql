-- The gradebook sorted under the best policy (issue 9): 2.1 s at 1,100,000 submissions, because each student's best score
-- per problem was found by reading every graded submission of the assignment and its result (980,000 of them). This
-- table keeps that best, as summary_counted (0004) keeps the latest: one row per student and problem, maintained by
-- statement triggers on submissions in the writer's transaction.
--
-- The best is the graded submission with a current result whose (score, effective_submitted_at, id) is greatest: the
-- highest score, ties to the later submission, the order GradebookQuery used. A row is keyed by student first, so a
-- gradebook page reads its students' rows by the key and a sort groups the assignment's rows by student in key order.
create table summary_best (
    course                 text not null,
    assignment             text not null,
    student_id             text not null,
    problem_id             text not null,
    submission_id          uuid not null,
    effective_submitted_at timestamptz not null,
    score                  double precision not null,
    primary key (course, assignment, student_id, problem_id)
);

create type summary_best_key as (course text, assignment text, student_id text, problem_id text);

-- Recomputes the keys whose best is one of the dropped submissions (its score fell, it left graded or was deleted) from
-- the key's own submissions: one range of ix_submissions_counted per key, never the assignment.
--
-- The keys' rows are locked first, in key order, and read again by a second statement: in READ COMMITTED each statement
-- of a volatile function takes a new snapshot, so every writer that touched one of these keys before us has committed and
-- is seen, and every writer after us waits for the lock and then compares its offer with what we wrote.
create function summary_best_recompute(keys summary_best_key[], dropped uuid[]) returns void
language plpgsql as $$
begin
    perform from summary_best t
    where (t.course, t.assignment, t.student_id, t.problem_id) in (select k.course, k.assignment, k.student_id, k.problem_id
                                                                   from unnest(keys) k)
    order by t.course, t.assignment, t.student_id, t.problem_id
    for update;

    with stale as (
        select t.course, t.assignment, t.student_id, t.problem_id from summary_best t
        where (t.course, t.assignment, t.student_id, t.problem_id) in (select k.course, k.assignment, k.student_id, k.problem_id
                                                                       from unnest(keys) k)
              and t.submission_id = any (dropped)
    ),
    best as (
        select k.course, k.assignment, k.student_id, k.problem_id, b.id, b.effective_submitted_at, b.score
        from stale k
        left join lateral (
            select s.id, s.effective_submitted_at, r.score
            from submissions s join results r on r.id = s.current_result_id
            where s.course = k.course and s.assignment = k.assignment and s.student_id = k.student_id
                  and s.problem_id = k.problem_id and s.status = 'graded'
            order by r.score desc, s.effective_submitted_at desc, s.id desc
            limit 1) b on true
    ),
    emptied as (
        delete from summary_best t using best b
        where b.id is null and t.course = b.course and t.assignment = b.assignment and t.student_id = b.student_id
              and t.problem_id = b.problem_id
    )
    update summary_best t set submission_id = b.id, effective_submitted_at = b.effective_submitted_at, score = b.score
    from best b
    where b.id is not null and t.course = b.course and t.assignment = b.assignment and t.student_id = b.student_id
          and t.problem_id = b.problem_id;
end
$$;

-- A submission newly graded, or whose counted score changed (a regrade, a manual grade, a rubric re-score), is offered
-- as its key's best: one upsert of the student's own row, whose WHERE, re-checked under the row lock, lets it win when
-- it is greater, or when it is the best itself (its new score, which may be lower: then the trigger recomputes the key).
-- A revision that keeps the score touches nothing: most regrade items change nothing. One offer per key and statement,
-- in key order, so two statements sharing keys wait for each other instead of deadlocking.
create function summary_best_after_update() returns trigger
language plpgsql as $$
declare
    dropped uuid[];
begin
    -- Most updates are a claim (queued → grading) or a failure: nothing counted before or after, and then the statements
    -- below are not even planned, so the hot path neither reads nor locks `results` for them.
    if not exists (select 1 from old_rows o join new_rows n on n.id = o.id where o.status = 'graded' or n.status = 'graded') then
        return null;
    end if;

    insert into summary_best as t (course, assignment, student_id, problem_id, submission_id, effective_submitted_at, score)
    select distinct on (n.course, n.assignment, n.student_id, n.problem_id)
           n.course, n.assignment, n.student_id, n.problem_id, n.id, n.effective_submitted_at, r.score
    from old_rows o
    join new_rows n on n.id = o.id
    join results r on r.id = n.current_result_id
    left join results p on p.id = o.current_result_id and o.status = 'graded'
    where n.status = 'graded' and p.score is distinct from r.score
    order by n.course, n.assignment, n.student_id, n.problem_id, r.score desc, n.effective_submitted_at desc, n.id desc
    on conflict (course, assignment, student_id, problem_id) do update
        set submission_id = excluded.submission_id, effective_submitted_at = excluded.effective_submitted_at,
            score = excluded.score
        where (excluded.score, excluded.effective_submitted_at, excluded.submission_id)
                  > (t.score, t.effective_submitted_at, t.submission_id)
              or excluded.submission_id = t.submission_id;

    -- Counted before whose score fell or that no longer counts: if one is its key's best, the key is recomputed.
    dropped := array(
        select o.id from old_rows o
        join new_rows n on n.id = o.id
        join results p on p.id = o.current_result_id
        left join results r on r.id = n.current_result_id and n.status = 'graded'
        where o.status = 'graded' and (r.id is null or r.score < p.score));
    if cardinality(dropped) > 0 then
        perform summary_best_recompute(
            array(select row(course, assignment, student_id, problem_id)::summary_best_key from old_rows where id = any (dropped)),
            dropped);
    end if;
    return null;
end
$$;

-- Submissions inserted already graded (not the webhook's, which are queued; imports and tests) are offered the same way.
create function summary_best_after_insert() returns trigger
language plpgsql as $$
begin
    -- The webhook's inserts are queued: they skip the statement below (and `results`) entirely.
    if not exists (select 1 from new_rows where status = 'graded') then
        return null;
    end if;

    insert into summary_best as t (course, assignment, student_id, problem_id, submission_id, effective_submitted_at, score)
    select distinct on (n.course, n.assignment, n.student_id, n.problem_id)
           n.course, n.assignment, n.student_id, n.problem_id, n.id, n.effective_submitted_at, r.score
    from new_rows n join results r on r.id = n.current_result_id
    where n.status = 'graded'
    order by n.course, n.assignment, n.student_id, n.problem_id, r.score desc, n.effective_submitted_at desc, n.id desc
    on conflict (course, assignment, student_id, problem_id) do update
        set submission_id = excluded.submission_id, effective_submitted_at = excluded.effective_submitted_at,
            score = excluded.score
        where (excluded.score, excluded.effective_submitted_at, excluded.submission_id)
                  > (t.score, t.effective_submitted_at, t.submission_id);
    return null;
end
$$;

-- A deleted best gives way to the next best of its key (or the row goes, with the key's last graded submission).
create function summary_best_after_delete() returns trigger
language plpgsql as $$
begin
    if not exists (select 1 from old_rows where status = 'graded') then
        return null;
    end if;

    perform summary_best_recompute(
        array(select row(course, assignment, student_id, problem_id)::summary_best_key from old_rows where status = 'graded'),
        array(select id from old_rows where status = 'graded'));
    return null;
end
$$;

create trigger tr_submissions_best_insert after insert on submissions
    referencing new table as new_rows for each statement execute function summary_best_after_insert();
create trigger tr_submissions_best_update after update on submissions
    referencing old table as old_rows new table as new_rows for each statement execute function summary_best_after_update();
create trigger tr_submissions_best_delete after delete on submissions
    referencing old table as old_rows for each statement execute function summary_best_after_delete();

-- Every key's best from submissions and results, set-based (one join and one sort, ~1,000,000 graded submissions in
-- seconds): the backfill below, and bench seeding that writes submissions with the triggers disabled. Not for a live
-- system: it does not lock out concurrent writers (the backfill here does: creating the triggers above took a lock on
-- submissions that blocks every writer until this migration commits, so no write falls between backfill and triggers).
create function summary_best_rebuild() returns void
language sql as $$
    truncate summary_best;
    insert into summary_best (course, assignment, student_id, problem_id, submission_id, effective_submitted_at, score)
    select distinct on (s.course, s.assignment, s.student_id, s.problem_id)
           s.course, s.assignment, s.student_id, s.problem_id, s.id, s.effective_submitted_at, r.score
    from submissions s join results r on r.id = s.current_result_id
    where s.status = 'graded'
    order by s.course, s.assignment, s.student_id, s.problem_id, r.score desc, s.effective_submitted_at desc, s.id desc;
$$;

-- The sort of the backfill in memory rather than in temporary files (this transaction only).
set local work_mem = '256MB';
select summary_best_rebuild();
analyze summary_best;
