-- AI models (issue 5). A model is a TorchScript file, kept in the model store folder as <sha256>.pt, plus its JSON
-- manifest (the model contract: class codes in output order, input, preprocessing, outputs).
create table inference_model (
    sha256         char(64)     primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    name           varchar(100) not null,
    version        varchar(50)  not null,
    architecture   varchar(100) not null,
    classes        varchar(8)[] not null,
    embedding_dim  int          not null check (embedding_dim > 0),
    size_bytes     bigint       not null check (size_bytes > 0),
    manifest       jsonb        not null,
    registered_by  bigint       references account (id),
    registered_at  timestamptz  not null default now(),
    unique (name, version)
);

-- What a model computed for a case, independent of any study: the 14 logits and probabilities in the model's class
-- order, the auxiliary heads' logits and the embedding (penultimate features, for t-SNE).
create table case_prediction (
    model_sha256   char(64)           not null references inference_model (sha256),
    case_id        bigint             not null references clinical_case (id),
    logits         double precision[] not null,
    probabilities  double precision[] not null,
    aux_logits     real[]             not null,
    embedding      real[]             not null,
    forward_ms     double precision   not null,
    job_id         bigint,
    predicted_at   timestamptz        not null default now(),
    primary key (model_sha256, case_id)
);

-- The same prediction restricted to a study's label set and renormalised, in the label set's order.
create table study_case_prediction (
    study_id       bigint             not null references study (id) on delete cascade,
    model_sha256   char(64)           not null,
    case_id        bigint             not null,
    labels         varchar(8)[]       not null,
    probabilities  double precision[] not null,
    mapped_at      timestamptz        not null default now(),
    primary key (study_id, model_sha256, case_id),
    foreign key (model_sha256, case_id) references case_prediction (model_sha256, case_id)
);

-- Batch runs of a model over a study's cases: a job queue in PostgreSQL, claimed with FOR UPDATE SKIP LOCKED by
-- any instance whose worker is enabled; a RUNNING job whose lease ran out belongs to a dead worker and is taken over.
create table inference_job (
    id                bigint generated always as identity primary key,
    study_id          bigint       not null references study (id) on delete cascade,
    model_sha256      char(64)     not null references inference_model (sha256),
    status            varchar(10)  not null default 'QUEUED'
                          check (status in ('QUEUED', 'RUNNING', 'DONE', 'CANCELLED', 'FAILED')),
    cancel_requested  boolean      not null default false,
    total_cases       int          not null default 0,
    done_cases        int          not null default 0,
    computed_cases    int          not null default 0,
    attempts          int          not null default 0,
    worker            varchar(200),
    lease_until       timestamptz,
    error             text,
    requested_by      bigint       references account (id),
    created_at        timestamptz  not null default now(),
    started_at        timestamptz,
    finished_at       timestamptz
);

create index inference_job_claimable on inference_job (id) where status in ('QUEUED', 'RUNNING');
-- At most one active run of a model per study.
create unique index inference_job_one_active on inference_job (study_id, model_sha256)
    where status in ('QUEUED', 'RUNNING');

-- Saliency maps (input gradients) drawn over the case image, computed on first request and kept.
create table case_saliency (
    model_sha256   char(64)     not null references inference_model (sha256),
    case_id        bigint       not null references clinical_case (id),
    class_code     varchar(8)   not null references diagnosis (code),
    png            bytea        not null,
    created_at     timestamptz  not null default now(),
    primary key (model_sha256, case_id, class_code)
);
