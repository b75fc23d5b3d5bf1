-- A date window's summary in mid-term (issue 9): ~300 ms at 1,000,000 results on a quiet machine, half of it finding each
-- student's latest graded submission of the window by hashing the window's 137,200 graded index entries twice (0021).
-- Each graded submission (with a result) now carries when its student's next graded one of the same problem was made:
-- superseded_at, the effective_submitted_at of its successor in (effective_submitted_at, id) order, null for the latest.
-- The latest inside [from, to) is then a graded submission of the window whose successor is at or after `to` (or absent):
-- one filtered range of the index below, with no aggregation. A successor before `to` lies in the window too (it is not
-- before `from`), so exactly one submission per student and problem passes, ties on time included.
alter table submissions add column superseded_at timestamptz;

-- A place in a key's chain: a submission that joined or left the graded set, or moved in it.
create type window_chain_point as (course text, assignment text, student_id text, problem_id text, at timestamptz, id uuid);

-- Sets superseded_at again on the submissions whose successor the given points can have changed: each point's own
-- submission (if graded now) and the graded submission just before each point. One statement, whatever the batch's
-- size; in the common case (a new latest submission) it rewrites one row, the previous latest.
--
-- The keys' summary_counted rows are locked first, in key order (the offer of 0004 already holds them for newly graded
-- submissions), and the chain is read by a second statement: in READ COMMITTED it takes a new snapshot, so a concurrent
-- writer of the same key has committed and is seen, and a later one waits and then sees ours (as summary_best_recompute).
create function window_chain_relink(points window_chain_point[]) returns void
language plpgsql as $$
begin
    perform from summary_counted t
    where (t.course, t.assignment, t.problem_id, t.student_id) in (select p.course, p.assignment, p.problem_id, p.student_id
                                                                   from unnest(points) p)
    order by t.course, t.assignment, t.problem_id, t.student_id
    for update;

    with points as (
        select * from unnest(points)
    ),
    touched as (
        select p.id from points p
        union
        select b.id from points p
        cross join lateral (
            select s.id from submissions s
            where s.course = p.course and s.assignment = p.assignment and s.student_id = p.student_id
                  and s.problem_id = p.problem_id and s.status = 'graded' and s.current_result_id is not null
                  and (s.effective_submitted_at, s.id) < (p.at, p.id)
            order by s.effective_submitted_at desc, s.id desc
            limit 1) b
    ),
    relinked as (
        select s.id, n.at
        from submissions s
        left join lateral (
            select x.effective_submitted_at as at from submissions x
            where x.course = s.course and x.assignment = s.assignment and x.student_id = s.student_id
                  and x.problem_id = s.problem_id and x.status = 'graded' and x.current_result_id is not null
                  and (x.effective_submitted_at, x.id) > (s.effective_submitted_at, s.id)
            order by x.effective_submitted_at, x.id
            limit 1) n on true
        where s.id in (select id from touched) and s.status = 'graded' and s.current_result_id is not null
    )
    update submissions s set superseded_at = r.at
    from relinked r
    where s.id = r.id and s.superseded_at is distinct from r.at;
end
$$;

-- Statement triggers, like 0004's: a regrade batch's UPDATE (results only, the graded set unchanged) costs one pass over
-- its transition tables and nothing more; the trigger's own UPDATE of superseded_at finds no point and stops there.
create function window_chain_after_insert() returns trigger
language plpgsql as $$
declare
    points window_chain_point[];
begin
    points := array(select row(course, assignment, student_id, problem_id, effective_submitted_at, id)::window_chain_point
                    from new_rows where status = 'graded' and current_result_id is not null);
    if cardinality(points) > 0 then
        perform window_chain_relink(points);
    end if;
    return null;
end
$$;

create function window_chain_after_update() returns trigger
language plpgsql as $$
declare
    points window_chain_point[];
begin
    -- Both places of a submission that joined, left or moved in the graded set: the old one's predecessor loses it as a
    -- successor, the new one's predecessor gains it.
    points := array(
        select x.point from old_rows o join new_rows n on n.id = o.id
        cross join lateral (values
            (row(o.course, o.assignment, o.student_id, o.problem_id, o.effective_submitted_at, o.id)::window_chain_point),
            (row(n.course, n.assignment, n.student_id, n.problem_id, n.effective_submitted_at, n.id)::window_chain_point)) x (point)
        where (o.status = 'graded' and o.current_result_id is not null) <> (n.status = 'graded' and n.current_result_id is not null)
              or ((n.status = 'graded' and n.current_result_id is not null)
                  and (o.course, o.assignment, o.student_id, o.problem_id, o.effective_submitted_at)
                      is distinct from (n.course, n.assignment, n.student_id, n.problem_id, n.effective_submitted_at)));
    if cardinality(points) > 0 then
        perform window_chain_relink(points);
    end if;
    return null;
end
$$;

create function window_chain_after_delete() returns trigger
language plpgsql as $$
declare
    points window_chain_point[];
begin
    points := array(select row(course, assignment, student_id, problem_id, effective_submitted_at, id)::window_chain_point
                    from old_rows where status = 'graded' and current_result_id is not null);
    if cardinality(points) > 0 then
        perform window_chain_relink(points);
    end if;
    return null;
end
$$;

-- Named after 0004's tr_submissions_summary_*, so they fire after them (triggers fire in name order): a newly graded
-- submission's summary_counted row is then already locked by this transaction.
create trigger tr_submissions_window_insert after insert on submissions
    referencing new table as new_rows for each statement execute function window_chain_after_insert();
create trigger tr_submissions_window_update after update on submissions
    referencing old table as old_rows new table as new_rows for each statement execute function window_chain_after_update();
create trigger tr_submissions_window_delete after delete on submissions
    referencing old table as old_rows for each statement execute function window_chain_after_delete();

-- Sets every superseded_at from the chains, set-based: the backfill below, and bench seeding with the triggers off.
create function window_chain_rebuild() returns void
language sql as $$
    update submissions s set superseded_at = c.next_at
    from (select id, lead(effective_submitted_at) over (partition by course, assignment, student_id, problem_id
                                                        order by effective_submitted_at, id) as next_at
          from submissions where status = 'graded' and current_result_id is not null) c
    where s.id = c.id and s.superseded_at is distinct from c.next_at;
$$;

-- The backfill writes superseded_at alone, which no trigger on submissions reads: with them on, the others' passes over
-- transition tables of ~1,000,000 rows ran for over 14 minutes at 1,100,000 submissions (cancelled there).
alter table submissions disable trigger user;
select window_chain_rebuild();
alter table submissions enable trigger user;

-- 0021's index with superseded_at included, so the window's filter reads no heap. Built after the backfill: built before,
-- it took every updated row twice (215 MB against 108 MB at 1,100,000 submissions).
create index ix_submissions_window_latest
    on submissions (course, assignment, effective_submitted_at)
    include (student_id, problem_id, id, current_result_id, superseded_at)
    where status = 'graded';
-- 0021's index is then unused. Numbered after 0022 (it was written as 0017), so it runs after 0021 on a new database
-- and on an upgraded one alike, and both end with the same indexes.
drop index ix_submissions_window_graded;
