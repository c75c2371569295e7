package org.dermread.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.dermread.stats.AnalysisSettings;
import org.dermread.stats.Grouping;
import org.junit.jupiter.api.Test;

/** analysis.json: targets and a grouping read and written, and a key of the wrong type refused by name. */
class AnalysisSettingsFileTest {

    private static AnalysisSettings read(String json) {
        return AnalysisSettingsFile.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_grouping_and_roc_targets_are_read_in_the_order_given() {
        AnalysisSettings s = read("""
                {"specificity_targets": [0.8, 0.9], "sensitivityTargets": [0.95],
                 "grouping": {"name": "malignancy", "groups": {"malignant": ["MEL", "BCC"], "benign": ["MN"]}}}""");
        assertThat(s.specificityTargets()).containsExactly(0.8, 0.9);
        assertThat(s.sensitivityTargets()).containsExactly(0.95);
        assertThat(s.grouping().name()).isEqualTo("malignancy");
        assertThat(s.grouping().groups()).containsExactly("malignant", "benign");
        assertThat(s.grouping().groupOf()).containsExactly(Map.entry("MEL", "malignant"),
                Map.entry("BCC", "malignant"), Map.entry("MN", "benign"));
    }

    @Test
    void settings_with_targets_and_a_grouping_read_back_unchanged() {
        AnalysisSettings settings = AnalysisSettings.defaults().withTargets(List.of(0.9), List.of(0.8, 0.85))
                .withGrouping(new Grouping("malignancy", List.of("malignant", "benign"),
                        Map.of("MEL", "malignant", "MN", "benign")))
                .withConfidenceLevel(0.9);
        assertThat(read(AnalysisSettingsFile.write(settings))).isEqualTo(settings);
    }

    @Test
    void a_key_of_the_wrong_type_or_a_bad_grouping_is_refused_by_name() {
        assertThatThrownBy(() -> read("{\"bootstrap_replicates\": \"200\"}"))
                .hasMessage("analysis.json: bootstrap_replicates must be a whole number, got \"200\"");
        assertThatThrownBy(() -> read("{\"confidence_level\": \"0.9\"}"))
                .hasMessage("analysis.json: confidence_level must be a number, got \"0.9\"");
        assertThatThrownBy(() -> read("{\"confidence_level\": 1.5}"))
                .hasMessageStartingWith("analysis.json: confidence level must lie in (0, 1)");
        assertThatThrownBy(() -> read("{\"specificity_targets\": 0.9}"))
                .hasMessage("analysis.json: specificity_targets must be a list of numbers, got 0.9");
        assertThatThrownBy(() -> read("{\"specificity_targets\": [1.2]}"))
                .hasMessageContaining("specificity targets must lie in [0, 1]: 1.2");
        assertThatThrownBy(() -> read("{\"grouping\": {\"groups\": {\"a\": [\"MN\"], \"b\": [\"MN\"]}}}"))
                .hasMessage("analysis.json: grouping puts label MN in two groups, a and b");
        assertThatThrownBy(() -> read("{\"grouping\": {\"groups\": {\"a\": [\"MN\"]}}}"))
                .hasMessageContaining("a grouping needs at least two distinct groups");
        assertThatThrownBy(() -> read("{\"grouping\": [\"MN\"]}"))
                .hasMessageStartingWith("analysis.json: grouping must be an object");
        assertThatThrownBy(() -> read("[1, 2]")).hasMessage("analysis.json: the file must hold one JSON object");
    }
}
