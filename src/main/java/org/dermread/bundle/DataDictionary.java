package org.dermread.bundle;

/** The bundle's {@code data-dictionary.md}: every file and column of format version 1 ({@link BundleFormat}). */
final class DataDictionary {

    private DataDictionary() {
    }

    static final String TEXT = """
            # DermRead export bundle: data dictionary

            All text files are UTF-8, CSV files are comma-separated with a header row (RFC 4180 quoting), times are
            ISO-8601 UTC. Readers are anonymised as R001, R002, ... in the order they were invited; no name, login or
            e-mail appears anywhere in the bundle. Re-analyse the unpacked bundle with DermRead's jar (no database or
            server needed): `java -jar dermread.jar analyze <folder> --out metrics.json`.

            Spreadsheet safety: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (for
            example a body site typed as `=HYPERLINK(...)`) is written with a leading single quote
            (`'=HYPERLINK(...)`), so that a spreadsheet shows it as text instead of running it as a formula (OWASP,
            "CSV Injection"). Numbers, including negative ones such as `-0.25`, are written unchanged. Strip one
            leading `'` from such cells to recover the value as imported.

            ## labels.csv
            The study's label set: the diagnoses readers chose from, in display order.
            - `position`: 1-based display order
            - `code`: diagnosis code of the study's taxonomy (Zhu et al. 2021: LP, Rosa, VW, AV, KAHS, EAD, DF, SD, SK,
              MN, Hem, Pso, PWS, BCC; ISIC/HAM10000: MEL, NV, BCC, AKIEC, BKL, DF, VASC, SCC; or a taxonomy of its own)
            - `name_en`, `name_zh`: the diagnosis's name in English and Chinese, as the study's taxonomy has it
            - `group`: its group in the taxonomy (malignant, premalignant, benign, inflammatory, infectious), empty
              when the taxonomy gives none

            ## cases.csv
            One row per case of the study.
            - `case_id`: the case id of the imported manifest (prefixed `s<source>-` only if two sources share an id)
            - `truth`: the ground-truth diagnosis code
            - `age`, `sex` (F/M), `body_site`, `confirmation` (histopathology, expert_consensus, clinical_follow_up,
              single_expert): clinical fields as imported, empty when unknown
            - `image_sha256`: SHA-256 of the image bytes as imported

            ## readings.csv
            One row per stored answer (the database keeps exactly one per reader, case and phase).
            - `reader_id`: anonymised reader id (R001 ...)
            - `case_id`: as in cases.csv
            - `phase`: `unaided`, or `aided` for the AI-assisted second reading
            - `label`: the diagnosis code the reader chose
            - `confidence`: 1 (very unsure) to 5 (certain), empty when the study asked none
            - `shown_at`: when the server first showed the case to the reader in this phase
            - `answered_at`: when the server stored the answer (the latest version's time if it was changed)
            - `revision`: 0 for an unchanged answer; n when the reader changed it n times (studies that allow going
              back)

            ## readers.csv
            One row per invited reader, with the experience recorded when the reader started the study.
            - `reader_id`; `years_dermatology`; `years_dermoscopy`; `board_certified` (yes/no)
            - `title`: RESIDENT, ATTENDING, ASSOCIATE_CHIEF, CHIEF
            - `hospital_level`: TERTIARY_A, TERTIARY, SECONDARY, PRIMARY, PRIVATE, OTHER
            - `started_at`, `unaided_finished_at`, `aided_finished_at`: empty when not (yet) reached
            - `phase_order`: `unaided_first` or `aided_first` (a crossover design), fixed when the reader started;
              empty before that or when the study has one phase. The phases stay `unaided` and `aided` in
              readings.csv whatever the order
            - `phase_order_seed`, `phase_order_group`, `phase_order_rank`: in a study that randomises the order,
              the study's seed, the experience group the order was balanced in (`beginner` < 3 years of
              dermatology, `intermediate` 3-10, `expert` > 10) and the reader's rank in that group's sequence;
              together they reproduce the order (permuted blocks of two). Empty otherwise
            - `washout_days`: days between finishing the first phase and the second opening (0 = at once); empty
              when the study has one phase
            - `second_phase_opens_at`: when the second phase opened (or opens) for this reader, the first phase's
              end plus the washout; empty until the first phase is finished
            - `arm`: in a human-AI collaboration study, the reader's arm (its code in arms.csv), drawn when the
              reader started; empty before that and when the study has no arms
            - `arm_seed`, `arm_group`, `arm_rank`: in a study with arms, the study's arm allocation seed, the
              experience group the arm was balanced in (as for the phase order) and the reader's rank in that
              group's sequence; together they reproduce the arm (permuted blocks of k arms within each group).
              Empty when the study has no arms

            ## arms.csv
            Only in a human-AI collaboration study (a study with arms): one row per arm, in the study's order. The
            unaided phase is every reader's baseline; in the aided phase a reader sees their arm's forms of help.
            - `arm`: the arm's code (A, B, ...), as in readers.csv; `name`: the coordinator's name for it
            - `top1`: `true` when the arm shows the AI's diagnosis alone (its most probable label)
            - `probabilities`: `true` when it shows the AI's probabilities over the label set
            - `malignancy`: `true` when it shows the AI's probability of the malignant group (the sum of the
              label-set probabilities of the labels whose group in labels.csv is malignant or premalignant)
            - `similar_cases`: `true` when it shows the `similar_k` library cases nearest to the case in the
              model's embedding space (cosine), with their verified diagnoses: cases of the study's sources outside
              its case set and outside its lesions; `similar_k` is empty otherwise
            - `saliency`: `true` when it shows the AI's saliency map

            ## ai_predictions.csv
            One row per case with a prediction of the study's model (model SHA-256 in manifest.json).
            - `case_id`
            - `p_<CODE>`: the model's probability for each label-set class, restricted to the label set and
              renormalised to sum to 1
            - `raw_p_<CODE>`: the model's softmax probability for each of its own classes (any number, codes of the
              model's taxonomy), before restriction

            ## analysis.json
            The analysis settings: `bootstrap_replicates`, `seed`, `experience_cut_points` (years),
            `experience_field`, `confidence_level`, and `mrmc_modalities` when the phases MRMC compares were chosen.
            `grouping` (when every label has a group and both sides have a label): `{"name": "malignancy", "groups":
            {"malignant": [...], "benign": [...]}}`, the labels of the taxonomy's groups malignant and premalignant
            against all others; metrics.json then holds every figure again under `grouped` (a reader's answer counts
            as its label's group; the AI's malignancy score is the sum of `p_<CODE>` over the malignant labels).

            ## metrics.json
            Every figure the statistics engine computes from the files above with the settings of analysis.json
            (keys documented in the README, "metrics.json"). Running the analyze command on the unpacked bundle
            reproduces it exactly.

            ## imrmc/<CODE>.imrmc
            FDA iMRMC input for the class one-vs-rest: header lines, `BEGIN DATA:`, then
            `readerID,caseID,modalityID,score`. Truth rows have reader -1 and score 1 (the case has the class) or 0.
            Modalities are the phases. A reader's score is an ordinal rating: 5 + confidence when the reader chose the
            class, 6 - confidence otherwise (confidence 5 when the study asked none).

            ## plots/
            Publication plots drawn from the same analysis as metrics.json, in the language of the report, each as SVG,
            PNG at 300 dpi (300 dpi recorded in the file) and PDF, at print size (85 mm single-column or 175 mm
            double-column width; no text under 7 pt). English text is text; Chinese text is drawn as outlines.
            - `roc-<phase>-<CODE>`: the AI's ROC curve for the class with every reader's point of the phase, the mean
              reader with its CI in both directions, the AI's point at the readers' mean specificity, and an inset
              magnifying the region where the readers lie
            - `roc-panel-<phase>`: every class's ROC plot of the phase in one grid figure with one legend
            - `confusion-<phase>`: the readers' pooled confusion matrix of the phase beside the AI's
            - `roc-average-<phase>`: the AI's micro- and macro-averaged ROC with the readers' averaged points (studies
              with AI predictions)
            - `tsne`: a t-SNE map of the AI's embeddings, one point per case by true class, larger where more readers
              erred in the unaided phase (studies with AI predictions)

            ## report.pdf, report.html
            The study report, written from metrics.json (its SHA-256 is on the first page) in English or Chinese
            (`report_language` in manifest.json): study design, the readers, per class the mean reader beside the AI
            (overall and per experience group), the multi-panel ROC figure, confusion matrices, the MRMC comparison
            of the phases, agreement, readers against the AI, a methods paragraph with references, and the notes on
            the data. report.html is the same report to edit or paste from. Regenerate it without the server:
            `java -jar dermread.jar analyze <folder> --report report.pdf --language en|zh`.

            ## manifest.json
            The bundle's format (`dermread-export-bundle`) and format version, software version, creation time, study,
            model SHA-256, name and version, the report's language, analysis settings and every other file's SHA-256
            and size. The analyze command notes a
            data file whose SHA-256 no longer matches.
            """;
}
