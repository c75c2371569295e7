package org.dermread.analysis.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dermread.analysis.StudyResultsSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ResultsRepository {

    private static final String SELECT = """
            select s.id, s.name, s.status, s.ai_assisted_phase,
                   coalesce(s.model_sha256, (select min(p.model_sha256) from study_case_prediction p
                                              where p.study_id = s.id)) as model_sha256,
                   (select count(*) from case_set_member m where m.case_set_id = s.case_set_id) as cases,
                   (select count(*) from study_label l where l.study_id = s.id) as labels,
                   (select count(*) from participation p where p.study_id = s.id) as readers,
                   (select count(*) from participation p where p.study_id = s.id
                       and p.unaided_finished_at is not null
                       and (not s.ai_assisted_phase or p.aided_finished_at is not null)) as finished,
                   (select count(*) from answer a join participation p on p.id = a.participation_id
                     where p.study_id = s.id) as answers
              from study s
            """;

    private final JdbcClient jdbc;

    public ResultsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open and closed studies; for a coordinator ({@code coordinator} not null) only those they coordinate. */
    public List<StudyResultsSummary> studies(String coordinator) {
        return jdbc.sql(SELECT + """
                         where s.status in ('OPEN', 'CLOSED')
                           and (cast(:coordinator as varchar) is null or exists (
                               select 1 from study_coordinator sc join account a on a.id = sc.account_id
                                where sc.study_id = s.id and lower(a.username) = lower(:coordinator)))
                         order by s.created_at desc, s.id desc
                        """)
                .param("coordinator", coordinator)
                .query((rs, row) -> summary(rs))
                .list();
    }

    public Optional<StudyResultsSummary> study(long studyId) {
        return jdbc.sql(SELECT + " where s.id = :id").param("id", studyId).query((rs, row) -> summary(rs)).optional();
    }

    /** The true diagnosis of each case of the study. */
    public Map<Long, String> truth(long studyId) {
        Map<Long, String> truth = new HashMap<>();
        jdbc.sql("""
                        select c.id, c.diagnosis from study s join case_set_member m on m.case_set_id = s.case_set_id
                          join clinical_case c on c.id = m.case_id where s.id = :s
                        """)
                .param("s", studyId)
                .query((rs, row) -> truth.put(rs.getLong(1), rs.getString(2)))
                .list();
        return truth;
    }

    /** Per case, the share of readers' unaided answers that were wrong (cases nobody answered are absent). */
    public Map<Long, Double> unaidedErrorRates(long studyId) {
        Map<Long, Double> rates = new HashMap<>();
        jdbc.sql("""
                        select a.case_id, avg(case when a.diagnosis = c.diagnosis then 0.0 else 1.0 end)
                          from answer a join participation p on p.id = a.participation_id
                          join clinical_case c on c.id = a.case_id
                         where p.study_id = :s and a.phase = 'UNAIDED'
                         group by a.case_id
                        """)
                .param("s", studyId)
                .query((rs, row) -> rates.put(rs.getLong(1), rs.getDouble(2)))
                .list();
        return rates;
    }

    private static StudyResultsSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StudyResultsSummary(rs.getLong("id"), rs.getString("name"), rs.getString("status"),
                rs.getInt("cases"), rs.getInt("labels"), rs.getInt("readers"), rs.getInt("finished"),
                rs.getInt("answers"), rs.getString("model_sha256"), rs.getBoolean("ai_assisted_phase"));
    }
}
