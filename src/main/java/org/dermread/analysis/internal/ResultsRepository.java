package org.dermread.analysis.internal;

import java.util.List;
import java.util.Optional;
import org.dermread.analysis.StudyResultsSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ResultsRepository {

    private static final String SELECT = """
            select s.id, s.name, s.status, s.model_sha256, s.ai_assisted_phase,
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

    private static StudyResultsSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StudyResultsSummary(rs.getLong("id"), rs.getString("name"), rs.getString("status"),
                rs.getInt("cases"), rs.getInt("labels"), rs.getInt("readers"), rs.getInt("finished"),
                rs.getInt("answers"), rs.getString("model_sha256"), rs.getBoolean("ai_assisted_phase"));
    }
}
