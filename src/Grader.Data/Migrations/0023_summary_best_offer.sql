-- Migration 0016 wrote summary_best's upsert twice, in the insert trigger and in the update trigger, with one difference
-- (the update's WHERE also lets a submission that is already its key's best write its own new, possibly lower, score).
-- It is one function now, which both triggers call with their offers; behaviour is the same: a newly inserted submission
-- is never its key's best already, so the extra condition never holds for the insert trigger's offers.
--
-- PL/pgSQL rather than SQL: its statement's plan is cached for the session, as it was inside the triggers, where a SQL
-- function's INSERT would be planned again on every call.

-- Offers each (course, assignment, student_id, problem_id) key the best of its offers: one upsert of the key's row, in
-- key order (two statements sharing keys wait for each other instead of deadlocking), whose WHERE, re-checked under the
-- row lock, lets an offer win when it is greater than the row, or when it is the row's own submission (its new score).
create function summary_best_offer(offers summary_best[]) returns void
language plpgsql as $$
begin
    insert into summary_best as t (course, assignment, student_id, problem_id, submission_id, effective_submitted_at, score)
    select distinct on (o.course, o.assignment, o.student_id, o.problem_id)
           o.course, o.assignment, o.student_id, o.problem_id, o.submission_id, o.effective_submitted_at, o.score
    from unnest(offers) o
    order by o.course, o.assignment, o.student_id, o.problem_id, o.score desc, o.effective_submitted_at desc,
             o.submission_id desc
    on conflict (course, assignment, student_id, problem_id) do update
        set submission_id = excluded.submission_id, effective_submitted_at = excluded.effective_submitted_at,
            score = excluded.score
        where (excluded.score, excluded.effective_submitted_at, excluded.submission_id)
                  > (t.score, t.effective_submitted_at, t.submission_id)
              or excluded.submission_id = t.submission_id;
end
$$;

-- As in 0016: a submission newly graded, or whose counted score changed (a regrade, a manual grade, a rubric re-score),
-- is offered; a revision that keeps the score offers nothing. A best whose score fell or that left graded is recomputed.
create or replace function summary_best_after_update() returns trigger
language plpgsql as $$
declare
    dropped uuid[];
begin
    -- Most updates are a claim (queued → grading) or a failure: nothing counted before or after, and then the statements
    -- below are not even planned, so the hot path neither reads nor locks `results` for them.
    if not exists (select 1 from old_rows o join new_rows n on n.id = o.id where o.status = 'graded' or n.status = 'graded') then
        return null;
    end if;

    perform summary_best_offer(array(
        select row(n.course, n.assignment, n.student_id, n.problem_id, n.id, n.effective_submitted_at, r.score)::summary_best
        from old_rows o
        join new_rows n on n.id = o.id
        join results r on r.id = n.current_result_id
        left join results p on p.id = o.current_result_id and o.status = 'graded'
        where n.status = 'graded' and p.score is distinct from r.score));

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

-- As in 0016: submissions inserted already graded (imports and tests; the webhook's are queued) are offered the same way.
create or replace function summary_best_after_insert() returns trigger
language plpgsql as $$
begin
    -- The webhook's inserts are queued: they skip the statement below (and `results`) entirely.
    if not exists (select 1 from new_rows where status = 'graded') then
        return null;
    end if;

    perform summary_best_offer(array(
        select row(n.course, n.assignment, n.student_id, n.problem_id, n.id, n.effective_submitted_at, r.score)::summary_best
        from new_rows n join results r on r.id = n.current_result_id
        where n.status = 'graded'));
    return null;
end
$$;
