-- The diagnostic taxonomy of Zhu et al., Front. Med. 2021 (doi 10.3389/fmed.2021.626369): 14 classes.
-- position is the paper's order, which is also the class order of the model contract.
create table diagnosis (
    code     varchar(8)   primary key,
    position int          not null unique,
    name_en  varchar(100) not null,
    name_zh  varchar(100) not null
);

insert into diagnosis (code, position, name_en, name_zh) values
    ('LP',    1, 'lichen planus',                 '扁平苔藓'),
    ('Rosa',  2, 'rosacea',                       '玫瑰痤疮'),
    ('VW',    3, 'viral warts',                   '病毒疣'),
    ('AV',    4, 'acne vulgaris',                 '寻常痤疮'),
    ('KAHS',  5, 'keloid and hypertrophic scar',  '瘢痕疙瘩与增生性瘢痕'),
    ('EAD',   6, 'eczema and dermatitis',         '湿疹皮炎'),
    ('DF',    7, 'dermatofibroma',                '皮肤纤维瘤'),
    ('SD',    8, 'seborrheic dermatitis',         '脂溢性皮炎'),
    ('SK',    9, 'seborrheic keratosis',          '脂溢性角化病'),
    ('MN',   10, 'melanocytic nevus',             '色素痣'),
    ('Hem',  11, 'hemangioma',                    '血管瘤'),
    ('Pso',  12, 'psoriasis',                     '银屑病'),
    ('PWS',  13, 'port wine stain',               '鲜红斑痣'),
    ('BCC',  14, 'basal cell carcinoma',          '基底细胞癌');

-- One imported study-set folder or ZIP. Re-importing the same manifest and images changes nothing.
create table case_source (
    id              bigint generated always as identity primary key,
    name            varchar(200) not null,
    source          varchar(200) not null,
    description     text,
    synthetic       boolean      not null,
    content_sha256  char(64)     not null unique,
    imported_by     bigint       references account (id),
    imported_at     timestamptz  not null default now()
);

-- Image bytes, stored once per content and served back unchanged.
create table case_image (
    sha256      char(64)    primary key,
    media_type  varchar(20) not null check (media_type in ('image/jpeg', 'image/png')),
    width       int         not null check (width > 0),
    height      int         not null check (height > 0),
    size_bytes  int         not null check (size_bytes > 0),
    bytes       bytea       not null
);

-- A case of the library: one image with its ground truth and optional clinical fields.
create table clinical_case (
    id             bigint generated always as identity primary key,
    source_id      bigint      not null references case_source (id),
    external_id    varchar(64) not null,
    image_sha256   char(64)    not null references case_image (sha256),
    diagnosis      varchar(8)  not null references diagnosis (code),
    age            int         check (age between 0 and 130),
    sex            char(1)     check (sex in ('F', 'M')),
    body_site      varchar(200),
    confirmation   varchar(32) check (confirmation in
                       ('histopathology', 'expert_consensus', 'clinical_follow_up', 'single_expert')),
    unique (source_id, external_id),
    unique (source_id, image_sha256)
);

create index clinical_case_diagnosis on clinical_case (diagnosis);
