package org.dermread.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dermread.analysis.figures.FigureText;
import org.junit.jupiter.api.Test;

/** The collaboration analysis' sentences (as StudyCollaboration writes them) in the page's and report's words. */
class CollaborationWarningsTest {

    private static final List<String> WRITTEN = List.of(
            "collaboration: readers have arms but the study has no aided phase with answers; no collaboration"
                    + " analysis",
            "collaboration: readers have arms but the study has no AI predictions; no collaboration analysis",
            "collaboration: arm B has no reader who answered in both phases",
            "collaboration: readers who did not answer in both phases are left out: [R003, R007]",
            "collaboration: readers without an arm are left out: [R009]",
            "collaboration: arm A: MRMC: no reader has enough cases for MN AUC");

    @Test
    void every_collaboration_sentence_is_said_in_chinese_with_its_arm_readers_and_phase() {
        FigureText chinese = FigureText.of(FigureText.CHINESE);
        for (String warning : WRITTEN) {
            assertThat(AnalysisWarnings.inWords(warning, chinese::get)).as(warning).startsWith("人机协作")
                    .doesNotContainPattern("\\b(?!MRMC|AUC|MN|R\\d+\\b)[A-Za-z]{2,}").doesNotContain("{");
        }
        assertThat(AnalysisWarnings.inWords(WRITTEN.get(0), chinese::get)).contains("人工智能辅助阅片");
        assertThat(AnalysisWarnings.inWords(WRITTEN.get(3), chinese::get)).contains("R003、R007");
        assertThat(AnalysisWarnings.inWords(WRITTEN.get(5), chinese::get))
                .isEqualTo("人机协作，组 A：MRMC：MN 的 AUC：没有阅片医师有足够的病例。");
    }

    @Test
    void english_names_the_arm_and_the_readers() {
        FigureText english = FigureText.of(FigureText.ENGLISH);
        assertThat(AnalysisWarnings.inWords(WRITTEN.get(2), english::get))
                .isEqualTo("Collaboration: arm B has no reader who answered in both phases.");
        assertThat(AnalysisWarnings.inWords(WRITTEN.get(4), english::get))
                .isEqualTo("Collaboration: readers without an arm are left out: R009.");
    }
}
