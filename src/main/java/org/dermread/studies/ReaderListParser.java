package org.dermread.studies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dermread.accounts.AccountException;
import org.dermread.accounts.NewAccount;
import org.dermread.accounts.Role;

/**
 * Reads a pasted list of readers, one per line, fields separated by commas or tabs (as copied from a spreadsheet):
 * {@code name, login or e-mail, years in dermatology, years of dermoscopy, board certified (yes/no), title,
 * hospital level}. Titles and levels are the enum names (any case) or their Chinese names. A first line starting
 * with "name" is a header and skipped. Every problem of every line is reported at once, each with its line and
 * field; the experience itself is checked by {@link ReaderProfile}, the same check as everywhere else.
 */
public final class ReaderListParser {

    private static final int FIELDS = ReaderField.values().length;
    private static final Map<String, ReaderTitle> CHINESE_TITLES = Map.of("住院医师", ReaderTitle.RESIDENT,
            "主治医师", ReaderTitle.ATTENDING, "副主任医师", ReaderTitle.ASSOCIATE_CHIEF, "主任医师", ReaderTitle.CHIEF);
    private static final Map<String, HospitalLevel> CHINESE_LEVELS = Map.of("三级甲等", HospitalLevel.TERTIARY_A,
            "三甲", HospitalLevel.TERTIARY_A, "三级", HospitalLevel.TERTIARY, "二级", HospitalLevel.SECONDARY,
            "一级", HospitalLevel.PRIMARY, "民营", HospitalLevel.PRIVATE, "其他", HospitalLevel.OTHER);

    private ReaderListParser() {
    }

    /** The readers, or {@link ReaderListException} naming every problem; an empty list is refused too. */
    public static List<NewReader> parse(String text) {
        List<NewReader> readers = new ArrayList<>();
        List<ReaderListProblem> problems = new ArrayList<>();
        Map<String, Integer> loginLines = new HashMap<>();
        String[] lines = (text == null ? "" : text).split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("name"))) {
                continue;
            }
            Line parsed = new Line(i + 1, line.split("\\s*[,\\t，]\\s*", -1), problems);
            NewReader reader = parsed.reader();
            if (reader != null) {
                Integer first = loginLines.putIfAbsent(reader.login().toLowerCase(Locale.ROOT), i + 1);
                if (first != null) {
                    problems.add(new ReaderListProblem(i + 1, ReaderField.LOGIN,
                            "studies.readers.problem.login-twice", List.of(reader.login(), first)));
                } else {
                    readers.add(reader);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ReaderListException(problems);
        }
        if (readers.isEmpty()) {
            throw new StudyException("studies.readers.error.empty");
        }
        return readers;
    }

    /** One line's fields, read one by one; each bad field adds a problem. */
    private static final class Line {

        private final int number;
        private final String[] fields;
        private final List<ReaderListProblem> problems;
        private boolean bad;

        Line(int number, String[] fields, List<ReaderListProblem> problems) {
            this.number = number;
            this.fields = fields;
            this.problems = problems;
        }

        /** The reader on this line, or null when something is wrong (then the problems say what). */
        NewReader reader() {
            if (fields.length != FIELDS) {
                problems.add(new ReaderListProblem(number, null, "studies.readers.problem.field-count",
                        List.of(fields.length)));
                return null;
            }
            String name = text(ReaderField.NAME);
            String login = text(ReaderField.LOGIN);
            if (name.isEmpty()) {
                problem(ReaderField.NAME, "studies.readers.problem.name-empty");
            }
            if (!validLogin(login, name)) {
                problem(ReaderField.LOGIN, "studies.readers.problem.login", login);
            }
            Integer years = number(ReaderField.YEARS_DERMATOLOGY, "studies.readers.problem.years-dermatology");
            Integer dermoscopy = number(ReaderField.YEARS_DERMOSCOPY, "studies.readers.problem.years-dermoscopy");
            Boolean certified = yesOrNo(text(ReaderField.BOARD_CERTIFIED));
            if (certified == null) {
                problem(ReaderField.BOARD_CERTIFIED, "studies.readers.problem.board-certified",
                        text(ReaderField.BOARD_CERTIFIED));
            }
            ReaderTitle title = named(ReaderTitle.class, CHINESE_TITLES, text(ReaderField.TITLE));
            if (title == null) {
                problem(ReaderField.TITLE, "studies.readers.problem.title", text(ReaderField.TITLE));
            }
            HospitalLevel level = named(HospitalLevel.class, CHINESE_LEVELS, text(ReaderField.HOSPITAL_LEVEL));
            if (level == null) {
                problem(ReaderField.HOSPITAL_LEVEL, "studies.readers.problem.hospital-level",
                        text(ReaderField.HOSPITAL_LEVEL));
            }
            if (years == null || dermoscopy == null || certified == null || title == null || level == null) {
                return null;
            }
            try {
                ReaderProfile profile = new ReaderProfile(years, dermoscopy, certified, title, level);
                return bad ? null : new NewReader(name, login, profile);
            } catch (ReaderProfileException e) {
                problems.add(new ReaderListProblem(number, e.field(), e.messageKey(), List.of(e.arguments())));
                return null;
            }
        }

        private String text(ReaderField field) {
            return fields[field.ordinal()];
        }

        private Integer number(ReaderField field, String messageKey) {
            try {
                return Integer.valueOf(text(field));
            } catch (NumberFormatException e) {
                problem(field, messageKey, text(field));
                return null;
            }
        }

        private void problem(ReaderField field, String messageKey, Object... arguments) {
            bad = true;
            problems.add(new ReaderListProblem(number, field, messageKey, List.of(arguments)));
        }
    }

    /** The same rules as an account created by hand, so a line that passes here is not refused later. */
    private static boolean validLogin(String login, String name) {
        try {
            new NewAccount(login, name, login.contains("@") ? login : null, Set.of(Role.READER));
            return !login.isEmpty();
        } catch (AccountException e) {
            return false;
        }
    }

    private static Boolean yesOrNo(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "是" -> true;
            case "no", "n", "false", "0", "否" -> false;
            default -> null;
        };
    }

    private static <E extends Enum<E>> E named(Class<E> type, Map<String, E> chinese, String value) {
        E found = chinese.get(value);
        if (found != null) {
            return found;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
