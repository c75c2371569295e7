package org.dermread.studies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a pasted list of readers, one per line, fields separated by commas or tabs (as copied from a spreadsheet):
 * {@code name, login or e-mail, years in dermatology, years of dermoscopy, board certified (yes/no), title,
 * hospital level}. Titles and levels are the enum names (any case) or their Chinese names. A first line starting
 * with "name" is a header and skipped. Every bad line is reported at once.
 */
public final class ReaderListParser {

    public static final String FORMAT = "name, login or e-mail, years dermatology, years dermoscopy, board certified"
            + " (yes/no), title (RESIDENT/ATTENDING/ASSOCIATE_CHIEF/CHIEF), hospital level"
            + " (TERTIARY_A/TERTIARY/SECONDARY/PRIMARY/PRIVATE/OTHER)";
    private static final Map<String, ReaderTitle> CHINESE_TITLES = Map.of("住院医师", ReaderTitle.RESIDENT,
            "主治医师", ReaderTitle.ATTENDING, "副主任医师", ReaderTitle.ASSOCIATE_CHIEF, "主任医师", ReaderTitle.CHIEF);
    private static final Map<String, HospitalLevel> CHINESE_LEVELS = Map.of("三级甲等", HospitalLevel.TERTIARY_A,
            "三甲", HospitalLevel.TERTIARY_A, "三级", HospitalLevel.TERTIARY, "二级", HospitalLevel.SECONDARY,
            "一级", HospitalLevel.PRIMARY, "民营", HospitalLevel.PRIVATE, "其他", HospitalLevel.OTHER);

    private ReaderListParser() {
    }

    /** The readers, or {@link StudyException} naming every line that could not be read. */
    public static List<NewReader> parse(String text) {
        List<NewReader> readers = new ArrayList<>();
        List<String> badLines = new ArrayList<>();
        String[] lines = (text == null ? "" : text).split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("name"))) {
                continue;
            }
            String[] f = line.split("\\s*[,\\t，]\\s*", -1);
            try {
                if (f.length != 7 || f[0].isBlank() || f[1].isBlank()) {
                    throw new IllegalArgumentException();
                }
                ReaderExperience experience = new ReaderExperience(Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                        yes(f[4]), title(f[5]), level(f[6]));
                readers.add(new NewReader(f[0], f[1], experience));
            } catch (RuntimeException e) {
                badLines.add(String.valueOf(i + 1));
            }
        }
        if (!badLines.isEmpty()) {
            throw new StudyException("studies.readers.error.lines", String.join(", ", badLines));
        }
        if (readers.isEmpty()) {
            throw new StudyException("studies.readers.error.empty");
        }
        return readers;
    }

    private static boolean yes(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "是" -> true;
            case "no", "n", "false", "0", "否" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static ReaderTitle title(String value) {
        ReaderTitle chinese = CHINESE_TITLES.get(value);
        return chinese != null ? chinese : ReaderTitle.valueOf(value.toUpperCase(Locale.ROOT).replace(' ', '_'));
    }

    private static HospitalLevel level(String value) {
        HospitalLevel chinese = CHINESE_LEVELS.get(value);
        return chinese != null ? chinese : HospitalLevel.valueOf(value.toUpperCase(Locale.ROOT).replace(' ', '_'));
    }
}
