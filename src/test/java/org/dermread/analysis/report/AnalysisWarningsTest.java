package org.dermread.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dermread.analysis.figures.FigureText;
import org.junit.jupiter.api.Test;

class AnalysisWarningsTest {

    /** Every sentence the statistics core writes (StudyAnalyzer, StudyMrmc), as it writes them. */
    private static final List<String> WRITTEN = List.of(
            "class PWS has no cases: its sensitivity and AUC are undefined",
            "3 cases have no AI prediction: AI figures and comparisons use the others",
            "MRMC: no reader answered in every modality of [unaided, aided]",
            "MRMC: unbiased (U-statistic) covariances and DBM need every reader to read every case in both"
                    + " modalities; they are left out where that does not hold",
            "MRMC: no reader has enough cases for MN AUC",
            "MRMC: accuracy: could not be estimated: its degrees of freedom are degenerate (too few readers or"
                    + " cases)",
            "MRMC: BCC sensitivity: could not be estimated: its degrees of freedom are degenerate (too few"
                    + " readers or cases)",
            "MRMC: phase aided has no readings; no MRMC analysis",
            "MRMC needs at least two modalities",
            "no reader has enough cases for SK specificity",
            "could not be estimated: its degrees of freedom are degenerate (too few readers or cases)");

    @Test
    void every_sentence_of_the_statistics_core_is_said_in_chinese() {
        FigureText chinese = FigureText.of(FigureText.CHINESE);
        for (String warning : WRITTEN) {
            String said = AnalysisWarnings.inWords(warning, chinese::get);
            assertThat(said).as(warning).doesNotContainPattern("\\b(?!MRMC|AUC|DBM|MN|BCC|SK|PWS\\b)[A-Za-z]{2,}")
                    .doesNotContain("{");
        }
        assertThat(AnalysisWarnings.inWords(WRITTEN.get(2), chinese::get)).contains("独立阅片、人工智能辅助阅片");
        assertThat(AnalysisWarnings.inWords(WRITTEN.get(4), chinese::get)).isEqualTo(
                "MRMC：MN 的 AUC：没有阅片医师有足够的病例。");
    }

    @Test
    void english_keeps_the_meaning_and_an_unknown_sentence_is_shown_as_written() {
        FigureText english = FigureText.of(FigureText.ENGLISH);
        assertThat(AnalysisWarnings.inWords(WRITTEN.get(6), english::get)).isEqualTo("MRMC: the sensitivity for BCC"
                + " could not be estimated: the degrees of freedom are degenerate (too few readers or cases).");
        assertThat(AnalysisWarnings.inWords("MRMC: MN AUC: matrix is singular", english::get))
                .isEqualTo("MRMC: the AUC of MN: matrix is singular");
        assertThat(AnalysisWarnings.inWords("something new", english::get)).isEqualTo("something new");
    }
}
