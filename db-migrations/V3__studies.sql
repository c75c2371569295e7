-- Case sets: a label set (ordered subset of the taxonomy) and the cases chosen for it.
create table case_set (
    id                 bigint generated always as identity primary key,
    name               varchar(200) not null,
    description        text,
    sampling_seed      bigint,
    sampling_per_class int,
    locked             boolean      not null default false,
    created_by         bigint       not null references account (id),
    created_at         timestamptz  not null default now()
);

create table case_set_label (
    case_set_id bigint     not null references case_set (id) on delete cascade,
    position    int        not null check (position >= 1),
    diagnosis   varchar(8) not null references diagnosis (code),
    primary key (case_set_id, position),
    unique (case_set_id, diagnosis)
);

create table case_set_member (
    case_set_id bigint not null references case_set (id) on delete cascade,
    case_id     bigint not null references clinical_case (id),
    primary key (case_set_id, case_id)
);

-- A study: what readers are asked, on which cases, under which options. Opening it locks everything it refers to.
create table study (
    id                  bigint generated always as identity primary key,
    name                varchar(200) not null,
    description         text,
    case_set_id         bigint       not null references case_set (id),
    status              varchar(10)  not null default 'DRAFT' check (status in ('DRAFT', 'OPEN', 'CLOSED')),
    shuffle             boolean      not null default true,
    allow_back          boolean      not null default false,
    confidence_scale    varchar(12)  not null default 'NONE' check (confidence_scale in ('NONE', 'ONE_TO_FIVE')),
    feedback            boolean      not null default false,
    ai_assisted_phase   boolean      not null default false,
    show_clinical       boolean      not null default false,
    batch_size          int          check (batch_size is null or batch_size > 0),
    model_sha256        char(64),
    created_by          bigint       not null references account (id),
    created_at          timestamptz  not null default now(),
    opened_at           timestamptz,
    closed_at           timestamptz
);

-- The label set readers choose from, in display order (copied from the case set when the study is created).
create table study_label (
    study_id  bigint     not null references study (id) on delete cascade,
    position  int        not null check (position >= 1),
    diagnosis varchar(8) not null references diagnosis (code),
    primary key (study_id, position),
    unique (study_id, diagnosis)
);

-- Coordinators who may manage a study (its creator is added when it is created).
create table study_coordinator (
    study_id   bigint not null references study (id) on delete cascade,
    account_id bigint not null references account (id),
    primary key (study_id, account_id)
);

-- A reader's experience, as they last entered it.
create table reader_profile (
    account_id         bigint      primary key references account (id) on delete cascade,
    years_dermatology  int         not null check (years_dermatology between 0 and 70),
    years_dermoscopy   int         not null check (years_dermoscopy between 0 and 70),
    board_certified    boolean     not null,
    title              varchar(20) not null check (title in ('RESIDENT', 'ATTENDING', 'ASSOCIATE_CHIEF', 'CHIEF')),
    hospital_level     varchar(20) not null check (hospital_level in
                           ('TERTIARY_A', 'TERTIARY', 'SECONDARY', 'PRIMARY', 'PRIVATE', 'OTHER')),
    updated_at         timestamptz not null default now()
);

-- A reader invited to a study. order_seed makes the reader's case order reproducible; the profile columns keep
-- the experience in force when the reader started (results are split by it).
create table participation (
    id                   bigint generated always as identity primary key,
    study_id             bigint      not null references study (id),
    reader_id            bigint      not null references account (id),
    order_seed           bigint      not null,
    invited_at           timestamptz not null default now(),
    started_at           timestamptz,
    unaided_finished_at  timestamptz,
    aided_finished_at    timestamptz,
    years_dermatology    int,
    years_dermoscopy     int,
    board_certified      boolean,
    title                varchar(20),
    hospital_level       varchar(20),
    unique (study_id, reader_id)
);
