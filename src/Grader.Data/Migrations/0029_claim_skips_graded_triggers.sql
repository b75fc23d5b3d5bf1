-- The worker batch's fixed cost (issue 14): work each batch paid in PostgreSQL whatever its size, that finds nothing to
-- do in the common case (docs/benchmarks.md, "The worker batch's fixed cost").
--
-- 1. A batch's claim (BatchClaim: queued or failed -> grading, never from or to graded) fired every update trigger of
-- submissions, and three of them have nothing to do in it: the best scores (0016/0023) and the manual parts (0022) look
-- only at rows graded before or after, the window chain (0025) only at rows that joined, left or moved in the graded set.
-- Each still ran as a PL/pgSQL call reading the transition tables. The status counters (summary_after_update) do change
-- with a claim and keep firing. As with 0026's relink: the claim's transaction sets grader.claim to 'on' just before the
-- claim's UPDATE and clears it right after (SubmissionBatchGrades.ClaimCommands), and these three triggers' WHEN skips
-- them while it is set; a statement trigger's WHEN is evaluated before the trigger is queued, so a skipped trigger costs
-- nothing. Same names, so the same firing order; same functions.
drop trigger tr_submissions_best_update on submissions;
create trigger tr_submissions_best_update after update on submissions
    referencing old table as old_rows new table as new_rows for each statement
    when (current_setting('grader.window_relink', true) is distinct from 'on'
          and current_setting('grader.claim', true) is distinct from 'on')
    execute function summary_best_after_update();
drop trigger tr_submissions_manual_parts_update on submissions;
create trigger tr_submissions_manual_parts_update after update on submissions
    referencing old table as old_rows new table as new_rows for each statement
    when (current_setting('grader.window_relink', true) is distinct from 'on'
          and current_setting('grader.claim', true) is distinct from 'on')
    execute function manual_parts_after_submissions();
drop trigger tr_submissions_window_update on submissions;
create trigger tr_submissions_window_update after update on submissions
    referencing old table as old_rows new table as new_rows for each statement
    when (current_setting('grader.window_relink', true) is distinct from 'on'
          and current_setting('grader.claim', true) is distinct from 'on')
    execute function window_chain_after_update();

-- 2. The grade's manual parts (0022): every newly graded submission went to manual_parts_refresh, whose DELETE found nothing
-- (a submission has manual_parts rows only while graded: the refresh inserts none for another status, and deletes them
-- when it leaves graded) and still fired manual_parts' delete trigger (0027), and whose INSERT found nothing either when
-- the result has no manual part and no staff grade exists, the common case. Now a submission goes to the refresh only if
-- it was graded before (it may have rows to remove) or the refresh's own insert could find something for it: the same
-- containment and manual_grades test as the refresh's insert. The refresh itself is unchanged, so whatever reaches it
-- comes out as before; what no longer reaches it had nothing to delete and nothing to insert.
create or replace function manual_parts_after_submissions() returns trigger
language plpgsql as $$
declare
    changed uuid[];
begin
    if tg_op = 'INSERT' then
        changed := array(select id from new_rows where status = 'graded' and current_result_id is not null);
    else
        changed := array(
            select n.id from old_rows o join new_rows n on n.id = o.id
            where (o.status = 'graded' or n.status = 'graded')
                  and (o.status <> n.status or o.current_result_id is distinct from n.current_result_id));
        -- Planned only when some row changed in or out of graded: a failure or a claim reads neither table here (a
        -- worker that lost `results` still marks its submissions failed, GradeSubmissionConsumerTests).
        if cardinality(changed) > 0 then
            changed := array(
                select n.id from old_rows o join new_rows n on n.id = o.id
                where n.id = any (changed)
                      and (o.status = 'graded'
                           or exists (select from results r where r.id = n.current_result_id and r.parts @> '[{"status": "manual"}]')
                           or exists (select from manual_grades g where g.submission_id = n.id)));
        end if;
    end if;
    if cardinality(changed) > 0 then
        perform manual_parts_refresh(changed);
    end if;
    return null;
end
$$;
