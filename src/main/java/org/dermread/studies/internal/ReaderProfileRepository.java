package org.dermread.studies.internal;

import java.util.Optional;
import org.dermread.studies.HospitalLevel;
import org.dermread.studies.ReaderProfile;
import org.dermread.studies.ReaderTitle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only code that reads and writes {@code reader_profile}. */
@Repository
public class ReaderProfileRepository {

    private final JdbcClient jdbc;

    public ReaderProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ReaderProfile> find(long accountId) {
        return jdbc.sql("""
                        select years_dermatology, years_dermoscopy, board_certified, title, hospital_level
                          from reader_profile where account_id = :account
                        """)
                .param("account", accountId)
                .query((rs, row) -> new ReaderProfile(rs.getInt(1), rs.getInt(2), rs.getBoolean(3),
                        ReaderTitle.valueOf(rs.getString(4)), HospitalLevel.valueOf(rs.getString(5))))
                .optional();
    }

    /** Stores the account's profile, replacing the one it had. */
    public void save(long accountId, ReaderProfile profile) {
        jdbc.sql("""
                        insert into reader_profile (account_id, years_dermatology, years_dermoscopy, board_certified,
                                                    title, hospital_level)
                        values (:account, :dermatology, :dermoscopy, :certified, :title, :level)
                        on conflict (account_id) do update set years_dermatology = excluded.years_dermatology,
                               years_dermoscopy = excluded.years_dermoscopy, board_certified = excluded.board_certified,
                               title = excluded.title, hospital_level = excluded.hospital_level, updated_at = now()
                        """)
                .param("account", accountId)
                .param("dermatology", profile.yearsDermatology())
                .param("dermoscopy", profile.yearsDermoscopy())
                .param("certified", profile.boardCertified())
                .param("title", profile.title().name())
                .param("level", profile.hospitalLevel().name())
                .update();
    }
}
