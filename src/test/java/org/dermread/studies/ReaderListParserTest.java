package org.dermread.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pasted reader list: every problem named by its line and field, the experience checked by ReaderProfile. */
class ReaderListParserTest {

    @Test
    void refuses_more_years_of_dermoscopy_than_of_dermatology_naming_the_line_and_the_field() {
        ReaderListException refused = catchThrowableOfType(ReaderListException.class, () -> ReaderListParser.parse("""
                name, login, years dermatology, years dermoscopy, board certified, title, level
                Li Wei, liwei, 12, 6, yes, CHIEF, TERTIARY_A
                Wang Fang, wangfang, 2, 5, no, RESIDENT, SECONDARY
                """));

        assertThat(refused.problems()).containsExactly(new ReaderListProblem(3, ReaderField.YEARS_DERMOSCOPY,
                "studies.profile.error.dermoscopy-longer", List.of(5, 2)));
        assertThat(refused.messageKey()).isEqualTo("studies.readers.error.lines");
        assertThat(refused.arguments()).containsExactly("3");
    }

    @Test
    void a_word_where_years_belong_is_named_with_its_line_field_and_value() {
        ReaderListException refused = catchThrowableOfType(ReaderListException.class, () -> ReaderListParser.parse("""
                Li Wei, liwei, 12, 6, yes, CHIEF, TERTIARY_A
                Zhang Min, zhangmin, 3, 1, no, RESIDENT, SECONDARY
                Chen Jie, chenjie, 4, x, no, RESIDENT, SECONDARY
                """));

        assertThat(refused.problems()).containsExactly(new ReaderListProblem(3, ReaderField.YEARS_DERMOSCOPY,
                "studies.readers.problem.years-dermoscopy", List.of("x")));
    }

    @Test
    void every_problem_of_every_line_is_reported_at_once() {
        ReaderListException refused = catchThrowableOfType(ReaderListException.class, () -> ReaderListParser.parse("""
                Good One, good1, 1, 1, yes, RESIDENT, OTHER
                Bad Years, bad1, many, 1, yes, RESIDENT, OTHER
                Bad Title, bad2, 1, 1, maybe, PROFESSOR, MOON
                Too Few, bad3
                , bad 4, 80, 1, yes, RESIDENT, OTHER
                Twice, good1, 1, 1, yes, RESIDENT, OTHER
                """));

        assertThat(refused.problems()).extracting(ReaderListProblem::line, ReaderListProblem::field,
                ReaderListProblem::messageKey).containsExactly(
                        tuple(2, ReaderField.YEARS_DERMATOLOGY,
                                "studies.readers.problem.years-dermatology"),
                        tuple(3, ReaderField.BOARD_CERTIFIED,
                                "studies.readers.problem.board-certified"),
                        tuple(3, ReaderField.TITLE, "studies.readers.problem.title"),
                        tuple(3, ReaderField.HOSPITAL_LEVEL,
                                "studies.readers.problem.hospital-level"),
                        tuple(4, null, "studies.readers.problem.field-count"),
                        tuple(5, ReaderField.NAME, "studies.readers.problem.name-empty"),
                        tuple(5, ReaderField.LOGIN, "studies.readers.problem.login"),
                        tuple(5, ReaderField.YEARS_DERMATOLOGY,
                                "studies.profile.error.years-dermatology"),
                        tuple(6, ReaderField.LOGIN,
                                "studies.readers.problem.login-twice"));
        assertThat(refused.arguments()).containsExactly("2, 3, 4, 5, 6");
    }

    @Test
    void chinese_titles_levels_and_yes_no_are_read_and_a_header_line_is_skipped() {
        List<NewReader> readers = ReaderListParser.parse("""
                Name\tLogin\tYears\tDermoscopy\tBoard\tTitle\tLevel
                张敏\tzhang.min@example.org\t10\t10\t是\t副主任医师\t三级甲等
                """);

        assertThat(readers).containsExactly(new NewReader("张敏", "zhang.min@example.org",
                new ReaderProfile(10, 10, true, ReaderTitle.ASSOCIATE_CHIEF, HospitalLevel.TERTIARY_A)));
        assertThat(readers.get(0).email()).isEqualTo("zhang.min@example.org");
    }

    @Test
    void an_empty_list_is_refused() {
        assertThatThrownBy(() -> ReaderListParser.parse("\n  \n")).isInstanceOf(StudyException.class)
                .hasMessageContaining("studies.readers.error.empty");
    }

    @Test
    void a_profile_is_checked_wherever_it_is_made() {
        assertThatThrownBy(() -> new ReaderProfile(2, 5, false, ReaderTitle.RESIDENT, HospitalLevel.OTHER))
                .isInstanceOfSatisfying(ReaderProfileException.class,
                        e -> assertThat(e.field()).isEqualTo(ReaderField.YEARS_DERMOSCOPY));
        assertThatThrownBy(() -> new ReaderProfile(71, 5, false, ReaderTitle.RESIDENT, HospitalLevel.OTHER))
                .isInstanceOfSatisfying(ReaderProfileException.class,
                        e -> assertThat(e.field()).isEqualTo(ReaderField.YEARS_DERMATOLOGY));
        assertThat(new ReaderProfile(5, 5, false, ReaderTitle.RESIDENT, HospitalLevel.OTHER).yearsDermoscopy())
                .isEqualTo(5);
    }
}
