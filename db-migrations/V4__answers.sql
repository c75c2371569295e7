-- When a case was first shown to a reader in a phase; the time per case is measured on the server.
create table case_presentation (
    participation_id bigint      not null references participation (id),
    case_id          bigint      not null references clinical_case (id),
    phase            varchar(10) not null check (phase in ('UNAIDED', 'AIDED')),
    shown_at         timestamptz not null default now(),
    primary key (participation_id, case_id, phase)
);

-- One answer per (participation, case, phase), enforced by the database: double clicks, two tabs and retries
-- can never store two.
create table answer (
    id               bigint generated always as identity primary key,
    participation_id bigint      not null references participation (id),
    case_id          bigint      not null references clinical_case (id),
    phase            varchar(10) not null check (phase in ('UNAIDED', 'AIDED')),
    diagnosis        varchar(8)  not null references diagnosis (code),
    confidence       int         check (confidence between 1 and 5),
    shown_at         timestamptz not null,
    answered_at      timestamptz not null default now(),
    revision         int         not null default 0,
    unique (participation_id, case_id, phase)
);

-- Earlier versions of an answer that was changed (only when the study lets readers go back).
create table answer_revision (
    answer_id   bigint      not null references answer (id),
    revision    int         not null,
    diagnosis   varchar(8)  not null references diagnosis (code),
    confidence  int,
    answered_at timestamptz not null,
    replaced_at timestamptz not null default now(),
    primary key (answer_id, revision)
);
