-- Manual grading (issue 9). Staff score a manual part of a submission; each grade writes a new result revision (so it
-- counts in the submission view, history, summary and gradebook), and this table keeps how the score was reached.

-- Rubric items of a manual part, per course and problem. The problem file's items are copied in the first time the
-- part's rubric is read (from_file); staff add, edit and delete items afterwards.
create table rubric_items (
    id          uuid primary key,
    course      text not null,
    problem_id  text not null,
    part_id     text not null,
    label       text not null,
    points      double precision not null,
    description text not null default '',
    position    integer not null,
    from_file   boolean not null default false,
    created_at  timestamptz not null,
    unique (course, problem_id, part_id, label)
);

-- The latest manual grade of each (submission, part): the points given, the rubric items applied and the adjustment
-- that produced them, the comment, and who gave it. A new submission has none: it is graded on its own.
create table manual_grades (
    submission_id  uuid not null references submissions (id) on delete cascade,
    part_id        text not null,
    points         double precision not null,
    max_points     double precision not null,
    rubric_item_ids uuid[] not null default '{}',
    adjustment     double precision,
    comment        text not null default '',
    graded_by_key  uuid not null,
    graded_by_name text not null,
    graded_at      timestamptz not null,
    result_id      uuid not null references results (id),
    primary key (submission_id, part_id)
);

-- Re-scoring after an item's points change finds the grades that applied it.
create index ix_manual_grades_rubric_items on manual_grades using gin (rubric_item_ids);

-- The parts whose problem-file rubric has been copied into rubric_items: copied once, so an item staff deleted stays deleted.
create table rubric_seeded_parts (
    course     text not null,
    problem_id text not null,
    part_id    text not null,
    primary key (course, problem_id, part_id)
);
