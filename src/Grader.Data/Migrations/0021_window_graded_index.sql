-- A date window's summary in mid-term (issue 9): 398 ms at 1,000,000 results on a quiet machine, 300 ms of it probing
-- ix_submissions_counted once per student and problem (~11 µs each, 19,600 keys) for the latest graded submission inside
-- the window. A short window now reads its own graded submissions instead, in one range of this index, and keeps the
-- latest per student and problem by hashing (see SummarySql.WindowScan): cost by the window's submissions, not by keys.
create index ix_submissions_window_graded
    on submissions (course, assignment, effective_submitted_at) include (student_id, problem_id, id, current_result_id)
    where status = 'graded';
