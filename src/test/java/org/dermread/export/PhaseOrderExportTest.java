package org.dermread.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dermread.accounts.Account;
import org.dermread.accounts.Role;
import org.dermread.bundle.BundleFiles;
import org.dermread.bundle.BundleReader;
import org.dermread.bundle.BundleStudy;
import org.dermread.reading.Phase;
import org.dermread.reading.ReadingService;
import org.dermread.stats.StudyReader;
import org.dermread.studies.ExperienceGroup;
import org.dermread.studies.PhaseOrder;
import org.dermread.studies.PhaseOrderAllocation;
import org.dermread.testing.DermReadTest;
import org.dermread.testing.SignIn;
import org.dermread.testing.TestAccounts;
import org.dermread.testing.TestReadings;
import org.dermread.testing.TestStudies;
import org.dermread.testing.TestStudies.InvitedReader;
import org.dermread.testing.TestStudies.Options;
import org.dermread.testing.TestStudies.TestStudy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A crossover study (randomised phase order, balanced within experience groups, with a washout): readers.csv of the
 * export bundle carries each reader's order with the seed, group and rank that reproduce it, the washout and when
 * the second phase opened; the analysis still sees the phases "unaided" and "aided", and the order as a reader
 * attribute.
 */
@DermReadTest
class PhaseOrderExportTest {

    static final List<String> LABELS = List.of("MN", "BCC", "SK", "DF");

    @Autowired
    TestAccounts accounts;
    @Autowired
    TestStudies studies;
    @Autowired
    TestReadings readings;
    @Autowired
    ReadingService reading;
    @Autowired
    ExportService export;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

    @Test
    void the_bundle_carries_each_readers_balanced_seeded_phase_order_and_washout_dates() throws Exception {
        Account coordinator = accounts.create("crossover-coord", Role.COORDINATOR);
        Account statistician = accounts.create("crossover-stat", Role.STATISTICIAN);
        TestStudy study = studies.openStudy(coordinator, 2, LABELS,
                Options.defaults().withAidedPhase().withRandomisedPhaseOrder().withWashoutDays(7));
        assertThat(readings.predictWithDemoModel(coordinator, study)).isTrue();
        // Years in dermatology 0..11: 3 beginners, 8 intermediates, 1 expert.
        List<InvitedReader> invited = studies.inviteNewReaders(accounts, study, 12, "crossover-reader", 300);
        Map<Long, Phase> firstPhase = new HashMap<>();
        for (InvitedReader r : invited) {
            SignIn.as(r.account());
            firstPhase.put(r.participation(), reading.begin(r.participation()));
            SignIn.out();
            readings.readAll(r.account(), r.participation(), (caseId, index, phase) -> study.truth().get(caseId),
                    firstPhase.get(r.participation()));
        }
        long seed = jdbc.sql("select phase_order_seed from study where id = :s").param("s", study.studyId())
                .query(Long.class).single();

        SignIn.as(statistician);
        BundleFiles bundle = BundleFiles.readZip(export.bundle(study.studyId()));

        List<Map<String, String>> rows = csv(bundle, "readers.csv");
        assertThat(rows).hasSize(12);
        Map<ExperienceGroup, int[]> counts = new EnumMap<>(ExperienceGroup.class);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            long participation = invited.get(i).participation();
            assertThat(row.get("reader_id")).isEqualTo(String.format(Locale.ROOT, "R%03d", i + 1));
            PhaseOrder order = firstPhase.get(participation) == Phase.AIDED ? PhaseOrder.AIDED_FIRST
                    : PhaseOrder.UNAIDED_FIRST;
            assertThat(row.get("phase_order")).isEqualTo(order.name().toLowerCase(Locale.ROOT));
            assertThat(Long.parseLong(row.get("phase_order_seed"))).isEqualTo(seed);
            ExperienceGroup group = ExperienceGroup.valueOf(row.get("phase_order_group").toUpperCase(Locale.ROOT));
            int years = Integer.parseInt(row.get("years_dermatology"));
            assertThat(group).isEqualTo(years < 3 ? ExperienceGroup.BEGINNER
                    : years <= 10 ? ExperienceGroup.INTERMEDIATE : ExperienceGroup.EXPERT);
            assertThat(PhaseOrderAllocation.orderFor(seed, group, Integer.parseInt(row.get("phase_order_rank"))))
                    .as("the exported seed, group and rank reproduce the order").isEqualTo(order);
            counts.computeIfAbsent(group, g -> new int[2])[order.ordinal()]++;

            assertThat(row.get("washout_days")).isEqualTo("7");
            Instant finished = Instant.parse(row.get(order == PhaseOrder.AIDED_FIRST ? "aided_finished_at"
                    : "unaided_finished_at"));
            assertThat(row.get(order == PhaseOrder.AIDED_FIRST ? "unaided_finished_at" : "aided_finished_at"))
                    .as("the second phase is not read yet").isEmpty();
            assertThat(Instant.parse(row.get("second_phase_opens_at")))
                    .isEqualTo(finished.plus(7, ChronoUnit.DAYS));
        }
        assertThat(counts.get(ExperienceGroup.BEGINNER)).containsExactlyInAnyOrder(1, 2);
        assertThat(counts.get(ExperienceGroup.INTERMEDIATE)).containsExactly(4, 4);
        assertThat(counts.get(ExperienceGroup.EXPERT)).containsExactlyInAnyOrder(0, 1);
        assertThat(counts.values().stream().mapToInt(c -> c[PhaseOrder.AIDED_FIRST.ordinal()]).sum())
                .isBetween(5, 7);

        assertThat(csv(bundle, "readings.csv")).extracting(row -> row.get("phase")).containsOnly("unaided", "aided")
                .hasSize(12 * 2);
        BundleStudy reread = BundleReader.read(bundle);
        assertThat(reread.study().readers()).extracting(StudyReader::phaseOrder)
                .isEqualTo(rows.stream().map(row -> row.get("phase_order")).toList());
        assertThat(reread.analyze().phases()).extracting(phase -> phase.phase())
                .containsExactly("unaided", "aided");
    }

    /** A bundle CSV as rows of column name to cell (none of these cells is quoted). */
    private static List<Map<String, String>> csv(BundleFiles files, String path) {
        List<String> lines = new String(files.require(path), StandardCharsets.UTF_8).lines().toList();
        String[] header = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }
}
