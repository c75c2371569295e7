package org.dermread.analysis.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.dermread.analysis.StudyResultsSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The studies that have results (open or closed), with their size and progress. Callers own the access checks. */
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
             where s.status in ('OPEN', 'CLOSED')
            """;

    private final JdbcClient jdbc;

    public ResultsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every open and closed study, newest first. */
    public List<StudyResultsSummary> studies() {
        return jdbc.sql(SELECT + " order by s.created_at desc, s.id desc")
                .query((rs, row) -> summary(rs))
                .list();
    }

    /** The study, if it is open or closed. */
    public Optional<StudyResultsSummary> study(long studyId) {
        return jdbc.sql(SELECT + " and s.id = :id").param("id", studyId).query((rs, row) -> summary(rs)).optional();
    }

    private static StudyResultsSummary summary(ResultSet rs) throws SQLException {
        return new StudyResultsSummary(rs.getLong("id"), rs.getString("name"), rs.getString("status"),
                rs.getInt("cases"), rs.getInt("labels"), rs.getInt("readers"), rs.getInt("finished"),
                rs.getInt("answers"), rs.getString("model_sha256"), rs.getBoolean("ai_assisted_phase"));
    }
}
