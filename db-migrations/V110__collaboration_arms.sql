-- Human-AI collaboration studies (issue 18). An AI-assisted study may define arms, each with its own forms of AI
-- help in the aided phase: the AI's diagnosis only (top1), its probabilities over the label set (probabilities, the
-- display of a study without arms), its probability of the malignant group (malignancy), the k most similar library
-- cases with their verified diagnoses (similar_cases, similar_k) and its saliency map. A study without arms reads as
-- before (one implicit arm: probabilities and saliency).
create table study_arm (
    study_id       bigint       not null references study (id) on delete cascade,
    code           varchar(2)   not null check (code ~ '^[A-Z]$'),
    position       int          not null check (position >= 1),
    name           varchar(100) not null check (length(btrim(name)) > 0),
    top1           boolean      not null,
    probabilities  boolean      not null,
    malignancy     boolean      not null,
    similar_cases  boolean      not null,
    similar_k      int          check (similar_k between 1 and 20),
    saliency       boolean      not null,
    primary key (study_id, code),
    unique (study_id, position),
    check (similar_cases = (similar_k is not null)),
    check (not (top1 and probabilities)),
    check (top1 or probabilities or malignancy or similar_cases or saliency)
);

-- The seed of the arm allocation (stratified permuted blocks within experience groups), drawn with the study.
alter table study add column arm_seed bigint;
alter table study alter column arm_seed set default floor((random() - 0.5) * 9.0e18)::bigint;
update study set arm_seed = floor((random() - 0.5) * 9.0e18)::bigint;
alter table study alter column arm_seed set not null;

-- Per participation, fixed when the reader starts in a study with arms: the arm, the experience group it was
-- balanced in and the reader's rank in that group's sequence (with the study's arm_seed this reproduces the arm).
alter table participation
    add column arm       varchar(2),
    add column arm_group varchar(12) check (arm_group in ('BEGINNER', 'INTERMEDIATE', 'EXPERT')),
    add column arm_rank  int check (arm_rank >= 1),
    add constraint participation_arm_allocation
        check ((arm is null) = (arm_group is null) and (arm_group is null) = (arm_rank is null)),
    add constraint participation_arm_rank_once unique (study_id, arm_group, arm_rank),
    add constraint participation_arm_defined foreign key (study_id, arm) references study_arm (study_id, code);
