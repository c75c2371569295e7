package org.dermread.cases.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dermread.cases.ManifestFormat;
import org.dermread.cases.StudySetLayout;
import org.dermread.cases.Taxonomy;

/**
 * DermRead's own layout ({@code study-sets/README.md}): {@code manifest.csv} with the header
 * {@code case_id,image,diagnosis,age,sex,body_site,confirmation} (and optionally {@code lesion_id} as the last column)
 * and {@code set.json}, which may name the set's taxonomy (Zhu et al. 2021's when it does not).
 */
final class DermReadFormat implements StudySetFormat {

    static final String MANIFEST = "manifest.csv";
    static final List<String> HEADER = ManifestFormat.COLUMNS;
    static final String LESION_ID = ManifestFormat.LESION_ID;
    static final Set<String> CONFIRMATIONS = Set.copyOf(ManifestFormat.CONFIRMATIONS);

    @Override
    public StudySetLayout layout() {
        return StudySetLayout.DERMREAD;
    }

    @Override
    public boolean recognises(TopLevel top) {
        return top.has(MANIFEST);
    }

    @Override
    public Manifest read(StudySetFiles files, TopLevel top, Reading reading) {
        byte[] setJson = reading.smallFile(files, Reading.SET_JSON);
        JsonNode meta = setJson == null ? null : reading.setJson(setJson);
        if (setJson == null && !files.contains(Reading.SET_JSON)) {
            reading.problem(Reading.SET_JSON, 0, "cases.problem.setjson-missing");
        }
        List<Entry> entries = new ArrayList<>();
        Reading.Table table = null;
        if (!files.contains(MANIFEST)) {
            reading.problem(MANIFEST, 0, "cases.problem.manifest-missing");
        } else {
            table = reading.table(files, MANIFEST);
        }
        if (table != null) {
            readRows(table, reading, entries);
        }
        if (table == null) {
            return Manifest.empty(MANIFEST, true);
        }
        // without a readable set.json (its problem reported) the rows are still checked, against the default taxonomy
        String taxonomy = meta != null && meta.hasNonNull("taxonomy") && meta.get("taxonomy").isTextual()
                ? meta.get("taxonomy").asText().trim() : Taxonomy.DEFAULT_TAXONOMY;
        return new Manifest(text(meta, "name"), text(meta, "source"), text(meta, "description"),
                meta != null && meta.hasNonNull("synthetic") && meta.get("synthetic").asBoolean(), taxonomy, entries,
                setJson == null ? List.of(table.bytes()) : List.of(table.bytes(), setJson),
                Set.of(MANIFEST, Reading.SET_JSON), true, Set.of(), MANIFEST, 0);
    }

    private static String text(JsonNode meta, String key) {
        return meta != null && meta.hasNonNull(key) ? meta.get(key).asText().trim() : "";
    }

    private static void readRows(Reading.Table table, Reading reading, List<Entry> entries) {
        List<String> header = table.header();
        boolean withLesion = header.size() == HEADER.size() + 1 && header.get(HEADER.size()).equals(LESION_ID);
        if (!header.equals(HEADER) && !(withLesion && header.subList(0, HEADER.size()).equals(HEADER))) {
            reading.problem(MANIFEST, 1, "cases.problem.csv-header", String.join(",", HEADER) + "[," + LESION_ID
                    + "]", String.join(",", header));
            return;
        }
        if (table.rows().isEmpty()) {
            reading.problem(MANIFEST, 0, "cases.problem.manifest-empty");
            return;
        }
        for (ManifestCsv.ManifestRow row : table.rows()) {
            int line = row.line();
            List<String> f = row.fields();
            if (f.size() != header.size()) {
                reading.problem(MANIFEST, line, "cases.problem.csv-columns", header.size(), f.size());
                continue;
            }
            Integer age = null;
            if (!f.get(3).isBlank()) {
                try {
                    age = Integer.parseInt(f.get(3).trim());
                } catch (NumberFormatException e) {
                    age = -1;
                }
                if (age < 0 || age > 120) {
                    reading.problem(MANIFEST, line, "cases.problem.age", f.get(3).trim());
                    age = null;
                }
            }
            String sex = f.get(4).trim();
            if (!sex.isEmpty() && !sex.equals("F") && !sex.equals("M")) {
                reading.problem(MANIFEST, line, "cases.problem.sex", sex);
            }
            String bodySite = f.get(5).trim();
            if (bodySite.length() > 200) {
                reading.problem(MANIFEST, line, "cases.problem.body-site-long", 200);
            }
            String confirmation = f.get(6).trim();
            if (!confirmation.isEmpty() && !CONFIRMATIONS.contains(confirmation)) {
                reading.problem(MANIFEST, line, "cases.problem.confirmation", confirmation);
            }
            String lesion = withLesion ? f.get(7).trim() : "";
            entries.add(new Entry(MANIFEST, line, f.get(0).trim(), f.get(1).trim(), f.get(2).trim(), age,
                    sex.isEmpty() ? null : sex, bodySite.isEmpty() ? null : bodySite,
                    confirmation.isEmpty() ? null : confirmation, lesion.isEmpty() ? null : lesion));
        }
    }
}
