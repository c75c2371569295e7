package org.dermread.cases.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dermread.cases.StudySetLayout;

/**
 * HAM10000 as distributed (Tschandl, Rosendahl &amp; Kittler, Sci Data 2018;5:180161, doi:10.1038/sdata.2018.161):
 * {@code HAM10000_metadata.csv} ({@code lesion_id,image_id,dx,dx_type,age,sex,localization}; further columns are
 * ignored) and the images as {@code <image_id>.jpg} in {@code HAM10000_images_part_1/} and {@code _part_2/}, one
 * folder, or the top level. The layout is recognised by a top-level CSV with the columns {@code image_id}, {@code dx}
 * and {@code dx_type}, whatever its name.
 *
 * <p>{@code dx} maps to the ISIC taxonomy's codes ({@code akiec} to AKIEC and so on). {@code dx_type} maps to the
 * case's confirmation: {@code histo} to histopathology, {@code follow_up} to clinical_follow_up, {@code consensus} to
 * expert_consensus, and {@code confocal} (in-vivo reflectance confocal microscopy read by an expert, no histology;
 * the paper's "confirmation by in-vivo confocal microscopy") to single_expert, the one non-histological,
 * non-consensus, non-follow-up value DermRead has.
 */
final class Ham10000Format implements StudySetFormat {

    static final String TITLE = "HAM10000";
    static final List<String> COLUMNS = List.of("lesion_id", "image_id", "dx", "dx_type", "age", "sex",
            "localization");
    static final Map<String, String> DIAGNOSES = Map.of("akiec", "AKIEC", "bcc", "BCC", "bkl", "BKL", "df", "DF",
            "mel", "MEL", "nv", "NV", "vasc", "VASC");
    static final Map<String, String> CONFIRMATIONS = Map.of("histo", "histopathology", "follow_up",
            "clinical_follow_up", "consensus", "expert_consensus", "confocal", "single_expert");

    static boolean isMetadata(List<String> header) {
        return header.contains("image_id") && header.contains("dx") && header.contains("dx_type");
    }

    @Override
    public StudySetLayout layout() {
        return StudySetLayout.HAM10000;
    }

    @Override
    public boolean recognises(TopLevel top) {
        return top.csvWithHeader(Ham10000Format::isMetadata).isPresent();
    }

    @Override
    public Manifest read(StudySetFiles files, TopLevel top, Reading reading) {
        String csv = top.csvWithHeader(Ham10000Format::isMetadata).orElseThrow();
        PublicLayouts.Opened opened = PublicLayouts.open(files, csv, layout(), COLUMNS, reading);
        if (opened == null) {
            return Manifest.empty(csv, false);
        }
        Reading.Table table = opened.table();
        JsonNode meta = opened.meta();
        List<byte[]> identity = opened.identity();
        PublicLayouts.ImageIndex images = new PublicLayouts.ImageIndex(files);
        int lesionAt = table.column("lesion_id");
        int imageAt = table.column("image_id");
        int dxAt = table.column("dx");
        int typeAt = table.column("dx_type");
        int ageAt = table.column("age");
        int sexAt = table.column("sex");
        int siteAt = table.column("localization");
        List<Entry> entries = new ArrayList<>();
        PublicLayouts.ImageRows rows = new PublicLayouts.ImageRows();
        for (ManifestCsv.ManifestRow row : table.rows()) {
            int line = row.line();
            List<String> f = row.fields();
            String image = rows.image(row, table.header().size(), imageAt, csv, reading);
            if (image == null) {
                continue;
            }
            String dx = f.get(dxAt).trim();
            String code = DIAGNOSES.get(dx);
            if (code == null) {
                reading.problem(csv, line, "cases.problem.ham-dx", dx);
            }
            String type = f.get(typeAt).trim();
            String confirmation = type.isEmpty() ? null : CONFIRMATIONS.get(type);
            if (!type.isEmpty() && confirmation == null) {
                reading.problem(csv, line, "cases.problem.ham-dx-type", type);
            }
            entries.add(new Entry(csv, line, image, images.find(image, csv, line, reading), code,
                    PublicLayouts.age(f.get(ageAt), csv, line, reading),
                    PublicLayouts.sex(f.get(sexAt), csv, line, reading),
                    PublicLayouts.bodySite(f.get(siteAt), csv, line, reading), confirmation,
                    PublicLayouts.lesion(f.get(lesionAt))));
        }
        if (table.rows().isEmpty()) {
            reading.problem(csv, 0, "cases.problem.manifest-empty");
        }
        Set<String> own = new LinkedHashSet<>(List.of(csv));
        if (meta != null) {
            own.add(Reading.SET_JSON);
        }
        return PublicLayouts.manifest(layout(), TITLE, meta, entries, identity, own, Set.of(), csv, 0, reading);
    }
}
