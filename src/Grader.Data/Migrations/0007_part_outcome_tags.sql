-- Misconception tags (issue 13): results.parts carries each part's tags ("tags": ["sign"], only where the grader named a
-- slip), and the reduced part outcomes the summary reads carry them as t, so the summary counts them per part without
-- opening results. A part without tags reduces exactly as before (no t key): results and counted rows written before this
-- migration have no tags in their parts and are already what this function returns for them, so nothing is backfilled,
-- and the stored outcomes stay equal to summary_part_outcomes(parts, answers) for every result.
create or replace function summary_part_outcomes(parts jsonb, answers jsonb) returns jsonb
language sql immutable as $$
    select coalesce(jsonb_agg(jsonb_build_object(
               'p', p.part ->> 'partId', 's', p.part ->> 'status', 'o', p.position,
               'w', case when p.part ->> 'status' in ('incorrect', 'partial', 'invalid')
                         then case jsonb_typeof(answers -> (p.part ->> 'partId'))
                                  when 'string' then regexp_replace(answers ->> (p.part ->> 'partId'), '\s+', '', 'g')
                                  else (answers -> (p.part ->> 'partId'))::text end end)
               || case when jsonb_typeof(p.part -> 'tags') = 'array' and jsonb_array_length(p.part -> 'tags') > 0
                       then jsonb_build_object('t', p.part -> 'tags') else '{}'::jsonb end
               order by p.position), '[]'::jsonb)
    from jsonb_array_elements(parts) with ordinality as p (part, position)
$$;
