-- Variants of a registered model (issue 19): the same model in bf16 and/or the channels-last memory format, as a
-- second TorchScript file derived from the fp32 file of record (src/main/python/derive_variant.py). A variant has its
-- own SHA-256 and points to the model it was derived from; its agreement with that model, measured at registration
-- on this engine over the parity images, decides whether it is offered.
create table inference_model_variant (
    sha256            char(64)         primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    model_sha256      char(64)         not null references inference_model (sha256),
    precision         varchar(8)       not null check (precision in ('fp32', 'bf16')),
    memory_format     varchar(16)      not null check (memory_format in ('contiguous', 'channels_last')),
    size_bytes        bigint           not null check (size_bytes > 0),
    manifest          jsonb            not null,
    -- the parity check against the fp32 model: images compared, share with the same top class, and the largest
    -- and 99th-percentile (over images) absolute difference of any probability
    parity_images     int              not null check (parity_images > 0),
    argmax_agreement  double precision not null check (argmax_agreement between 0 and 1),
    max_abs_dp        double precision not null,
    p99_abs_dp        double precision not null,
    bound             text             not null,
    offered           boolean          not null,
    measured_on       text             not null,
    registered_by     bigint           references account (id),
    registered_at     timestamptz      not null default now(),
    check (precision = 'bf16' or memory_format = 'channels_last'),
    unique (model_sha256, precision, memory_format)
);

-- Which file computed a prediction: null for the model of record itself, else the variant's SHA-256. Predictions stay
-- keyed by the model of record, so a study's results name one model whatever precision computed them.
alter table case_prediction add column variant_sha256 char(64) references inference_model_variant (sha256);
