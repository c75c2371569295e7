-- Open taxonomies (issue 17). A taxonomy is a named, versioned, ordered list of diagnoses with an optional group
-- (for the malignant-vs-benign analysis) and an optional parent (hierarchies). The diagnosis table stays the one
-- registry of codes that every other table refers to, so a code that two taxonomies share (DF, BCC) is one row and
-- one concept; a taxonomy only says which codes it has, in which order, and how they group.
create table taxonomy (
    code        varchar(32)  primary key check (code ~ '^[a-z0-9][a-z0-9_-]{0,31}$'),
    version     varchar(32)  not null,
    name_en     varchar(200) not null,
    name_zh     varchar(200) not null,
    reference   text,
    created_by  bigint       references account (id),
    created_at  timestamptz  not null default now()
);

create table taxonomy_diagnosis (
    taxonomy   varchar(32) not null references taxonomy (code),
    diagnosis  varchar(8)  not null references diagnosis (code),
    position   int         not null check (position >= 1),
    grp        varchar(16) check (grp in ('malignant', 'premalignant', 'benign', 'inflammatory', 'infectious')),
    parent     varchar(8)  references diagnosis (code),
    primary key (taxonomy, diagnosis),
    unique (taxonomy, position),
    check (parent is null or parent <> diagnosis)
);

insert into taxonomy (code, version, name_en, name_zh, reference) values
    ('zhu2021', '1', 'Zhu et al. 2021: 14 skin diseases', 'Zhu 等 2021：14 种皮肤病',
     'Zhu CY et al. A deep learning based framework for diagnosing multiple skin diseases in a clinical environment. '
     || 'Front. Med. 2021;8:626369. doi:10.3389/fmed.2021.626369'),
    ('isic', '2019', 'ISIC 2018/2019 and HAM10000: 8 dermoscopic diagnoses',
     'ISIC 2018/2019 与 HAM10000：8 种皮肤镜诊断',
     'Tschandl P, Rosendahl C, Kittler H. The HAM10000 dataset. Sci Data 2018;5:180161. doi:10.1038/sdata.2018.161; '
     || 'Codella N et al. Skin lesion analysis toward melanoma detection 2018. arXiv:1902.03368; '
     || 'Combalia M et al. BCN20000: dermoscopic lesions in the wild. arXiv:1908.02288');

-- Zhu et al.'s 14 in the paper's order; BCC is the one malignant class, the rest grouped by what they are.
insert into taxonomy_diagnosis (taxonomy, diagnosis, position, grp)
select 'zhu2021', code, position,
       case code
           when 'BCC' then 'malignant'
           when 'VW' then 'infectious'
           when 'LP' then 'inflammatory' when 'Rosa' then 'inflammatory' when 'AV' then 'inflammatory'
           when 'EAD' then 'inflammatory' when 'SD' then 'inflammatory' when 'Pso' then 'inflammatory'
           else 'benign'
       end
from diagnosis;

-- The ISIC / HAM10000 codes that Zhu's taxonomy does not have. AKIEC is HAM10000's "actinic keratoses and
-- intraepithelial carcinoma (Bowen's disease)"; ISIC 2019's AK column is imported as AKIEC (its SCC column stays SCC).
insert into diagnosis (code, position, name_en, name_zh) values
    ('MEL',   15, 'melanoma',                                          '黑色素瘤'),
    ('NV',    16, 'melanocytic nevus (dermoscopic)',                   '黑色素细胞痣'),
    ('AKIEC', 17, 'actinic keratosis and intraepithelial carcinoma',   '光线性角化病与上皮内癌'),
    ('BKL',   18, 'benign keratosis-like lesion',                      '良性角化样病变'),
    ('VASC',  19, 'vascular lesion',                                   '血管性病变'),
    ('SCC',   20, 'squamous cell carcinoma',                           '鳞状细胞癌');

-- HAM10000 / ISIC order (Tschandl 2018, Codella 2018), SCC added by ISIC 2019. MEL, BCC and SCC malignant; AKIEC
-- premalignant (intraepithelial); the rest benign.
insert into taxonomy_diagnosis (taxonomy, diagnosis, position, grp) values
    ('isic', 'MEL',   1, 'malignant'),
    ('isic', 'NV',    2, 'benign'),
    ('isic', 'BCC',   3, 'malignant'),
    ('isic', 'AKIEC', 4, 'premalignant'),
    ('isic', 'BKL',   5, 'benign'),
    ('isic', 'DF',    6, 'benign'),
    ('isic', 'VASC',  7, 'benign'),
    ('isic', 'SCC',   8, 'malignant');

-- Everything that has a label set names the taxonomy it comes from; what exists today is Zhu et al.'s.
alter table case_source     add column taxonomy varchar(32) not null default 'zhu2021' references taxonomy (code);
alter table case_set        add column taxonomy varchar(32) not null default 'zhu2021' references taxonomy (code);
alter table inference_model add column taxonomy varchar(32) not null default 'zhu2021' references taxonomy (code);

-- Several images of one lesion (HAM10000's and ISIC's lesion_id) stay together: sampling draws lesions.
alter table clinical_case add column lesion_id varchar(64);
create index clinical_case_lesion on clinical_case (source_id, lesion_id) where lesion_id is not null;
