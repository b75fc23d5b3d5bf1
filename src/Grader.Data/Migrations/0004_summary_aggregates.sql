-- Assignment summary aggregates (issue 4): the unwindowed summary reads these instead of scanning every submission.
-- Triggers on submissions keep them exact on every write path (intake, claim, grade, failure, regrade revision).

-- The submission that counts for each student and problem: the latest graded one (effective_submitted_at, then id, the
-- order the live summary and the gradebook use), with its current result. part_outcomes is the result's parts reduced to
-- what the summary groups by, so the summary never opens results or answers.
create table summary_counted (
    course                 text not null,
    assignment             text not null,
    problem_id             text not null,
    student_id             text not null,
    submission_id          uuid not null,
    effective_submitted_at timestamptz not null,
    result_id              uuid not null,
    score                  double precision not null,
    max_score              double precision not null,
    -- [{p: partId, s: status, o: position in the result, w: normalised wrong answer or null}]
    part_outcomes          jsonb not null,
    primary key (course, assignment, problem_id, student_id)
);

-- Regrades find the counted row of a submission by its key and id; this index serves deletes, which have only the id.
create index ix_summary_counted_submission on summary_counted (submission_id);

-- Submissions per status; rows may reach 0 and stay (cheaper than deleting under concurrent writers).
create table summary_status_counts (
    course     text not null,
    assignment text not null,
    problem_id text not null,
    status     text not null,
    n          bigint not null,
    primary key (course, assignment, problem_id, status)
);

-- A result's parts as the summary needs them. Wrong answers are normalised as the live summary does: a string answer
-- with all whitespace removed ("x*(1 - x)" and "x*(1-x)" are one misconception), anything else as jsonb's canonical text.
create function summary_part_outcomes(parts jsonb, answers jsonb) returns jsonb
language sql immutable as $$
    select coalesce(jsonb_agg(jsonb_build_object(
               'p', p.part ->> 'partId', 's', p.part ->> 'status', 'o', p.position,
               'w', case when p.part ->> 'status' in ('incorrect', 'partial', 'invalid')
                         then case jsonb_typeof(answers -> (p.part ->> 'partId'))
                                  when 'string' then regexp_replace(answers ->> (p.part ->> 'partId'), '\s+', '', 'g')
                                  else (answers -> (p.part ->> 'partId'))::text end end)
               order by p.position), '[]'::jsonb)
    from jsonb_array_elements(parts) with ordinality as p (part, position)
$$;

-- Adds delta to one status counter. Upsert, so the first submission of a problem and concurrent writers are both safe.
create function summary_count_status(c text, a text, p text, st text, delta bigint) returns void
language sql as $$
    insert into summary_status_counts as t (course, assignment, problem_id, status, n) values (c, a, p, st, delta)
    on conflict (course, assignment, problem_id, status) do update set n = t.n + excluded.n
$$;

-- Offers a graded submission with a result as the counted one. The row lock taken by ON CONFLICT serialises two workers
-- committing the same student's problem; the WHERE re-checked under that lock lets only the newer (or the same, with a
-- new result) submission win, whatever the commit order.
create function summary_offer_counted(s submissions) returns void
language sql as $$
    insert into summary_counted as t (course, assignment, problem_id, student_id, submission_id, effective_submitted_at,
                                      result_id, score, max_score, part_outcomes)
    select s.course, s.assignment, s.problem_id, s.student_id, s.id, s.effective_submitted_at, r.id, r.score, r.max_score,
           summary_part_outcomes(r.parts, s.answers)
    from results r where r.id = s.current_result_id
    on conflict (course, assignment, problem_id, student_id) do update
        set submission_id = excluded.submission_id, effective_submitted_at = excluded.effective_submitted_at,
            result_id = excluded.result_id, score = excluded.score, max_score = excluded.max_score,
            part_outcomes = excluded.part_outcomes
        where (excluded.effective_submitted_at, excluded.submission_id) >= (t.effective_submitted_at, t.submission_id)
$$;

-- After a counted submission is deleted: the next latest graded one of that student and problem counts, if any.
create function summary_recount(c text, a text, p text, student text) returns void
language sql as $$
    delete from summary_counted where course = c and assignment = a and problem_id = p and student_id = student;
    select summary_offer_counted(s) from submissions s
    where s.course = c and s.assignment = a and s.problem_id = p and s.student_id = student
          and s.status = 'graded' and s.current_result_id is not null
    order by s.effective_submitted_at desc, s.id desc limit 1;
$$;

create function summary_track_submission() returns trigger
language plpgsql as $$
begin
    -- Status counters: the two rows in name order, so two transactions never wait on each other's rows crosswise.
    if tg_op = 'INSERT' then
        perform summary_count_status(new.course, new.assignment, new.problem_id, new.status, 1);
    elsif tg_op = 'DELETE' then
        perform summary_count_status(old.course, old.assignment, old.problem_id, old.status, -1);
    elsif old.status <> new.status then
        if old.status < new.status then
            perform summary_count_status(old.course, old.assignment, old.problem_id, old.status, -1);
            perform summary_count_status(new.course, new.assignment, new.problem_id, new.status, 1);
        else
            perform summary_count_status(new.course, new.assignment, new.problem_id, new.status, 1);
            perform summary_count_status(old.course, old.assignment, old.problem_id, old.status, -1);
        end if;
    end if;

    if tg_op = 'DELETE' then
        if exists (select from summary_counted where submission_id = old.id) then
            perform summary_recount(old.course, old.assignment, old.problem_id, old.student_id);
        end if;
        return null;
    end if;

    if new.status <> 'graded' or new.current_result_id is null then
        return null;
    end if;

    if tg_op = 'UPDATE' and old.status = 'graded' and old.current_result_id is not null then
        -- A regrade's new revision: only the counted row of this very submission changes. A plain UPDATE locks nothing
        -- when the submission is not the counted one, so concurrent regrade batches never wait on each other here.
        update summary_counted t
        set result_id = r.id, score = r.score, max_score = r.max_score, part_outcomes = summary_part_outcomes(r.parts, new.answers)
        from results r
        where r.id = new.current_result_id
              and t.course = new.course and t.assignment = new.assignment and t.problem_id = new.problem_id
              and t.student_id = new.student_id and t.submission_id = new.id;
    else
        perform summary_offer_counted(new);
    end if;
    return null;
end
$$;

create trigger tr_submissions_summary_insert_delete after insert or delete on submissions
    for each row execute function summary_track_submission();
-- Only the two columns the aggregates depend on: the sweeper's enqueued_at updates cost nothing.
create trigger tr_submissions_summary_update after update of status, current_result_id on submissions
    for each row
    when (old.status is distinct from new.status or old.current_result_id is distinct from new.current_result_id)
    execute function summary_track_submission();

-- Rebuilds both tables from submissions and results, set-based: the backfill below, and bench seeding that writes
-- submissions with the triggers disabled. Not for a live system (it does not lock out concurrent writers).
create function summary_rebuild() returns void
language sql as $$
    truncate summary_counted, summary_status_counts;
    insert into summary_status_counts (course, assignment, problem_id, status, n)
    select course, assignment, problem_id, status, count(*) from submissions group by 1, 2, 3, 4;
    insert into summary_counted (course, assignment, problem_id, student_id, submission_id, effective_submitted_at,
                                 result_id, score, max_score, part_outcomes)
    select s.course, s.assignment, s.problem_id, s.student_id, s.id, s.effective_submitted_at, r.id, r.score, r.max_score,
           summary_part_outcomes(r.parts, s.answers)
    from (select distinct on (course, assignment, problem_id, student_id) *
          from submissions
          where status = 'graded' and current_result_id is not null
          order by course, assignment, problem_id, student_id, effective_submitted_at desc, id desc) s
    join results r on r.id = s.current_result_id;
$$;

select summary_rebuild();
