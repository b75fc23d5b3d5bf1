-- The worker batch's fixed cost (issue 14). A batch's claim (BatchClaim: queued or failed → grading, never from or to
-- graded) fired every update trigger of submissions, and three of them can find nothing to do in it: the best scores
-- (0016/0023) and the manual parts (0022) look only at rows graded before or after, the window chain (0025) only at rows
-- that joined, left or moved in the graded set. Each still ran as a PL/pgSQL call reading the transition tables: a cost
-- per batch whatever its size, which weighs most when batches are small (docs/benchmarks.md, "The worker batch's fixed
-- cost"). The status counters (summary_after_update) do change with a claim and keep firing.
--
-- As with 0026's relink: the claim's transaction sets grader.claim to 'on' just before the claim's UPDATE and clears it
-- right after (SubmissionBatchGrades.ClaimCommands), and these three triggers' WHEN skips them while it is set. A
-- statement trigger's WHEN is evaluated before the trigger is queued, so a skipped trigger costs nothing. Same names, so
-- the same firing order; same functions.
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
