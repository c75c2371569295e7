package org.dermread.cases.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dermread.cases.StudySetLayout;

/**
 * The ISIC 2020 training set (Rotemberg et al., Sci Data 2021;8:34, doi:10.1038/s41597-021-00815-z): {@code train.csv}
 * or {@code ISIC_2020_Training_GroundTruth.csv}, {@code image_name,patient_id[,lesion_id],sex,age_approx,
 * anatom_site_general_challenge,diagnosis,benign_malignant,target}, recognised by a top-level CSV with the columns
 * {@code image_name}, {@code diagnosis} and {@code target}; images {@code <image_name>.jpg} in any folder.
 *
 * <p>Its {@code diagnosis} maps to the ISIC taxonomy where the classes correspond: melanoma to MEL, nevus to NV, and
 * seborrheic keratosis, lichenoid keratosis and solar lentigo to BKL (HAM10000's "benign keratosis-like lesions" are
 * exactly solar lentigines, seborrheic keratoses and lichen-planus like keratoses; Tschandl et al., Sci Data 2018).
 * Rows whose diagnosis has no ISIC class ({@code unknown}, {@code lentigo NOS}, {@code cafe-au-lait macule},
 * {@code atypical melanocytic proliferation}) are skipped and counted, their images neither stored nor reported as
 * unlisted; any other value is a problem. {@code target} must be 1 for melanoma and 0 otherwise.
 */
final class Isic2020Format implements StudySetFormat {

    static final String TITLE = "ISIC 2020";
    static final List<String> REQUIRED = List.of("image_name", "sex", "age_approx", "anatom_site_general_challenge",
            "diagnosis", "target");
    static final Map<String, String> DIAGNOSES = Map.of("melanoma", "MEL", "nevus", "NV", "seborrheic keratosis",
            "BKL", "lichenoid keratosis", "BKL", "solar lentigo", "BKL");
    static final Set<String> SKIPPED = Set.of("unknown", "lentigo nos", "cafe-au-lait macule",
            "atypical melanocytic proliferation");

    static boolean isGroundTruth(List<String> header) {
        return header.contains("image_name") && header.contains("diagnosis") && header.contains("target");
    }

    @Override
    public StudySetLayout layout() {
        return StudySetLayout.ISIC_2020;
    }

    @Override
    public boolean recognises(TopLevel top) {
        return top.csvWithHeader(Isic2020Format::isGroundTruth).isPresent();
    }

    @Override
    public Manifest read(StudySetFiles files, TopLevel top, Reading reading) {
        String csv = top.csvWithHeader(Isic2020Format::isGroundTruth).orElseThrow();
        PublicLayouts.Opened opened = PublicLayouts.open(files, csv, layout(), REQUIRED, reading);
        if (opened == null) {
            return Manifest.empty(csv, false);
        }
        Reading.Table table = opened.table();
        JsonNode meta = opened.meta();
        List<byte[]> identity = opened.identity();
        PublicLayouts.ImageIndex images = new PublicLayouts.ImageIndex(files);
        int imageAt = table.column("image_name");
        int lesionAt = table.column("lesion_id");
        int sexAt = table.column("sex");
        int ageAt = table.column("age_approx");
        int siteAt = table.column("anatom_site_general_challenge");
        int diagnosisAt = table.column("diagnosis");
        int targetAt = table.column("target");
        List<Entry> entries = new ArrayList<>();
        Set<String> excused = new LinkedHashSet<>();
        PublicLayouts.ImageRows rows = new PublicLayouts.ImageRows();
        int skipped = 0;
        for (ManifestCsv.ManifestRow row : table.rows()) {
            int line = row.line();
            List<String> f = row.fields();
            String image = rows.image(row, table.header().size(), imageAt, csv, reading);
            if (image == null) {
                continue;
            }
            String diagnosis = f.get(diagnosisAt).trim();
            if (SKIPPED.contains(diagnosis.toLowerCase(Locale.ROOT))) {
                skipped++;
                excused.addAll(images.all(image));
                continue;
            }
            String code = DIAGNOSES.get(diagnosis.toLowerCase(Locale.ROOT));
            if (code == null) {
                reading.problem(csv, line, "cases.problem.isic2020-diagnosis", diagnosis);
            } else {
                String target = f.get(targetAt).trim();
                String expected = code.equals("MEL") ? "1" : "0";
                if (!target.equals(expected) && !target.equals(expected + ".0")) {
                    reading.problem(csv, line, "cases.problem.isic2020-target", target, diagnosis, expected);
                }
            }
            entries.add(new Entry(csv, line, image, images.find(image, csv, line, reading), code,
                    PublicLayouts.age(f.get(ageAt), csv, line, reading),
                    PublicLayouts.sex(f.get(sexAt), csv, line, reading),
                    PublicLayouts.bodySite(f.get(siteAt), csv, line, reading), null,
                    lesionAt < 0 ? null : PublicLayouts.lesion(f.get(lesionAt))));
        }
        if (table.rows().isEmpty()) {
            reading.problem(csv, 0, "cases.problem.manifest-empty");
        }
        Set<String> own = new LinkedHashSet<>(List.of(csv));
        if (meta != null) {
            own.add(Reading.SET_JSON);
        }
        return PublicLayouts.manifest(layout(), TITLE, meta, entries, identity, own, excused, csv, skipped, reading);
    }
}
