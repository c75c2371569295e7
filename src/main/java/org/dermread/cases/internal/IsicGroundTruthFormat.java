package org.dermread.cases.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dermread.cases.StudySetLayout;

/**
 * The ISIC challenge training sets with a one-hot ground truth: 2018 task 3
 * ({@code image,MEL,NV,BCC,AKIEC,BKL,DF,VASC}; Codella et al., arXiv:1902.03368) and 2019
 * ({@code image,MEL,NV,BCC,AK,BKL,DF,VASC,SCC,UNK}; Combalia et al., arXiv:1908.02288), recognised by a top-level CSV
 * with exactly that header, whatever its name. Images are
 * {@code <image>.jpg} in any folder of the set. A metadata CSV ({@code image,age_approx,anatom_site_general,lesion_id,
 * sex}, ISIC 2019's {@code ISIC_2019_Training_Metadata.csv}) is read where present, recognised by its columns
 * {@code image} and {@code anatom_site_general}; an image it lacks has no clinical fields.
 *
 * <p>Rules: each row has exactly one class marked 1 (written {@code 1}, {@code 1.0}, {@code 0} or {@code 0.0}); two or
 * none is a problem. 2019's AK is stored as AKIEC (the ISIC taxonomy's code for actinic keratosis and
 * intraepithelial carcinoma; SCC stays SCC). A 2019 row marked UNK (outside the 8 diagnoses) is skipped: not
 * imported, its image neither stored nor reported as unlisted; the import report counts the skipped rows.
 */
final class IsicGroundTruthFormat implements StudySetFormat {

    static final List<String> HEADER_2018 = List.of("image", "MEL", "NV", "BCC", "AKIEC", "BKL", "DF", "VASC");
    static final List<String> HEADER_2019 = List.of("image", "MEL", "NV", "BCC", "AK", "BKL", "DF", "VASC", "SCC",
            "UNK");
    static final String UNKNOWN = "UNK";
    private static final Map<String, String> CODES = Map.of("AK", "AKIEC");

    private final StudySetLayout layout;
    private final List<String> header;

    private IsicGroundTruthFormat(StudySetLayout layout, List<String> header) {
        this.layout = layout;
        this.header = header;
    }

    static IsicGroundTruthFormat isic2018() {
        return new IsicGroundTruthFormat(StudySetLayout.ISIC_2018, HEADER_2018);
    }

    static IsicGroundTruthFormat isic2019() {
        return new IsicGroundTruthFormat(StudySetLayout.ISIC_2019, HEADER_2019);
    }

    static boolean isMetadata(List<String> header) {
        return header.contains("image") && header.contains("anatom_site_general");
    }

    @Override
    public StudySetLayout layout() {
        return layout;
    }

    private String title() {
        return layout == StudySetLayout.ISIC_2018 ? "ISIC 2018 task 3" : "ISIC 2019";
    }

    @Override
    public boolean recognises(TopLevel top) {
        return top.csvWithHeader(header::equals).isPresent();
    }

    /** Clinical fields of one image from the metadata CSV. */
    private record Clinical(Integer age, String sex, String bodySite, String lesionId) {
    }

    @Override
    public Manifest read(StudySetFiles files, TopLevel top, Reading reading) {
        String csv = top.csvWithHeader(header::equals).orElseThrow();
        List<byte[]> identity = PublicLayouts.identity(layout);
        Reading.Table table = reading.table(files, csv);
        if (table == null) {
            return Manifest.empty(csv, false);
        }
        identity.add(table.bytes());
        Set<String> own = new LinkedHashSet<>(List.of(csv));
        Optional<String> metadataCsv = top.csvWithHeader(IsicGroundTruthFormat::isMetadata);
        Map<String, Clinical> clinical = new HashMap<>();
        if (metadataCsv.isPresent()) {
            own.add(metadataCsv.get());
            Reading.Table metadata = reading.table(files, metadataCsv.get());
            if (metadata != null) {
                identity.add(metadata.bytes());
                readMetadata(metadata, reading, clinical);
            }
        }
        JsonNode meta = PublicLayouts.setJson(files, reading, identity);
        if (meta != null) {
            own.add(Reading.SET_JSON);
        }
        PublicLayouts.ImageIndex images = new PublicLayouts.ImageIndex(files);
        List<Entry> entries = new ArrayList<>();
        Set<String> excused = new LinkedHashSet<>();
        PublicLayouts.ImageRows rows = new PublicLayouts.ImageRows();
        int skipped = 0;
        for (ManifestCsv.ManifestRow row : table.rows()) {
            int line = row.line();
            List<String> f = row.fields();
            String image = rows.image(row, header.size(), 0, csv, reading);
            if (image == null) {
                continue;
            }
            List<String> marked = new ArrayList<>();
            boolean valuesOk = true;
            for (int column = 1; column < header.size(); column++) {
                String value = f.get(column).trim();
                if (value.equals("1") || value.equals("1.0")) {
                    marked.add(header.get(column));
                } else if (!value.equals("0") && !value.equals("0.0")) {
                    reading.problem(csv, line, "cases.problem.onehot-value", value, header.get(column));
                    valuesOk = false;
                }
            }
            if (valuesOk && marked.size() != 1) {
                reading.problem(csv, line, "cases.problem.onehot", marked.size(),
                        marked.isEmpty() ? "-" : String.join(", ", marked));
            }
            if (marked.size() == 1 && marked.get(0).equals(UNKNOWN)) {
                skipped++;
                excused.addAll(images.all(image));
                continue;
            }
            String code = valuesOk && marked.size() == 1 ? CODES.getOrDefault(marked.get(0), marked.get(0)) : null;
            Clinical fields = clinical.getOrDefault(image, new Clinical(null, null, null, null));
            entries.add(new Entry(csv, line, image, images.find(image, csv, line, reading), code, fields.age(),
                    fields.sex(), fields.bodySite(), null, fields.lesionId()));
        }
        if (table.rows().isEmpty()) {
            reading.problem(csv, 0, "cases.problem.manifest-empty");
        }
        if (metadataCsv.isPresent()) {
            clinical.keySet().stream().filter(image -> !rows.listed(image)).sorted().forEach(image ->
                    reading.problem(metadataCsv.get(), 0, "cases.problem.metadata-unlisted", image, csv));
        }
        return PublicLayouts.manifest(layout, title(), meta, entries, identity, own, excused, csv, skipped, reading);
    }

    private static void readMetadata(Reading.Table metadata, Reading reading, Map<String, Clinical> clinical) {
        String file = metadata.file();
        int imageAt = metadata.column("image");
        int ageAt = metadata.column("age_approx");
        int siteAt = metadata.column("anatom_site_general");
        int lesionAt = metadata.column("lesion_id");
        int sexAt = metadata.column("sex");
        PublicLayouts.ImageRows rows = new PublicLayouts.ImageRows();
        for (ManifestCsv.ManifestRow row : metadata.rows()) {
            int line = row.line();
            List<String> f = row.fields();
            String image = rows.image(row, metadata.header().size(), imageAt, file, reading);
            if (image == null) {
                continue;
            }
            clinical.put(image, new Clinical(ageAt < 0 ? null : PublicLayouts.age(f.get(ageAt), file, line, reading),
                    sexAt < 0 ? null : PublicLayouts.sex(f.get(sexAt), file, line, reading),
                    PublicLayouts.bodySite(f.get(siteAt), file, line, reading),
                    lesionAt < 0 ? null : PublicLayouts.lesion(f.get(lesionAt))));
        }
    }
}
