-- Nothing may bias the second reading phase (issue 13).
--
-- Study options: a washout (the second phase opens washout_days after the reader finished the first; 0 = at once),
-- a randomised phase order per reader (crossover: half of each experience group starts with the AI-assisted
-- phase), drawn from phase_order_seed, and whether feedback lists the cases a reader got wrong with their truth.
alter table study
    add column washout_days          int     not null default 0 check (washout_days between 0 and 365),
    add column randomise_phase_order boolean not null default false,
    add column phase_order_seed      bigint,
    add column feedback_cases        boolean not null default false;

-- Studies made by other means than the service (which draws the seed with SecureRandom) still get one.
alter table study alter column phase_order_seed set default floor((random() - 0.5) * 9.0e18)::bigint;
update study set phase_order_seed = floor((random() - 0.5) * 9.0e18)::bigint;
alter table study alter column phase_order_seed set not null;

alter table study
    add constraint study_second_phase_options
        check (ai_assisted_phase or (washout_days = 0 and not randomise_phase_order)),
    add constraint study_feedback_cases_need_feedback check (feedback or not feedback_cases);

-- Per participation, fixed when the reader starts: the phase order; for a randomised study also the experience
-- group it was balanced in and the reader's rank in that group's allocation sequence (with the study's seed this
-- reproduces the order). second_phase_opens_at is set when the reader finishes the first phase.
alter table participation
    add column phase_order           varchar(14) check (phase_order in ('UNAIDED_FIRST', 'AIDED_FIRST')),
    add column phase_order_group     varchar(12) check (phase_order_group in ('BEGINNER', 'INTERMEDIATE', 'EXPERT')),
    add column phase_order_rank      int check (phase_order_rank >= 1),
    add column second_phase_opens_at timestamptz,
    add constraint participation_phase_order_allocation
        check ((phase_order_group is null) = (phase_order_rank is null)
               and (phase_order_group is null or phase_order is not null)),
    add constraint participation_phase_order_rank_once unique (study_id, phase_order_group, phase_order_rank);

-- Participations that started before: every one read unaided first and its AI-assisted phase opened at once.
update participation p set phase_order = 'UNAIDED_FIRST'
  from study s where s.id = p.study_id and s.ai_assisted_phase and p.started_at is not null;
update participation p set second_phase_opens_at = p.unaided_finished_at
  from study s where s.id = p.study_id and s.ai_assisted_phase and p.unaided_finished_at is not null;
