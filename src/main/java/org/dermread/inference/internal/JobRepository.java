package org.dermread.inference.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dermread.inference.InferenceJob;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The job queue. A worker claims the oldest claimable job with {@code FOR UPDATE SKIP LOCKED}, so several workers
 * (in this instance or on other machines sharing the database) never claim the same job; a claimed job carries a
 * lease that its worker renews while it works. A RUNNING job whose lease has run out belongs to a dead worker and
 * is claimable again.
 */
@Repository
public class JobRepository {

    private static final String COLUMNS = """
            id, study_id, model_sha256, status, cancel_requested, total_cases, done_cases, computed_cases, attempts,
            worker, error, created_at, started_at, finished_at
            """;

    private final JdbcClient jdbc;

    public JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a job unless one for this study and model is already queued or running; returns that job's id. */
    public long enqueue(long studyId, String modelSha256, int totalCases, Long requestedBy) {
        Optional<Long> inserted = jdbc.sql("""
                insert into inference_job (study_id, model_sha256, total_cases, requested_by)
                values (:s, :m, :total, :by)
                on conflict (study_id, model_sha256) where status in ('QUEUED', 'RUNNING') do nothing
                returning id
                """).param("s", studyId).param("m", modelSha256).param("total", totalCases).param("by", requestedBy)
                .query(Long.class).optional();
        return inserted.orElseGet(() -> jdbc.sql("""
                select id from inference_job where study_id = :s and model_sha256 = :m
                and status in ('QUEUED', 'RUNNING')
                """).param("s", studyId).param("m", modelSha256).query(Long.class).single());
    }

    /** Claims the oldest queued job, or a running one whose lease ran out, for {@code worker}. */
    public Optional<InferenceJob> claim(String worker, Duration lease) {
        return jdbc.sql("""
                update inference_job set status = 'RUNNING', worker = :w, attempts = attempts + 1,
                    lease_until = now() + make_interval(secs => :lease), started_at = coalesce(started_at, now())
                where id = (select id from inference_job
                            where status = 'QUEUED' or (status = 'RUNNING' and lease_until < now())
                            order by id limit 1 for update skip locked)
                returning
                """ + COLUMNS).param("w", worker).param("lease", (double) lease.toSeconds())
                .query(JobRepository::map).optional();
    }

    /**
     * Records progress and renews the lease, if the job is still this worker's.
     *
     * @return the job after the update; empty when another worker has taken it over or it is gone
     */
    public Optional<InferenceJob> heartbeat(long jobId, String worker, int totalCases, int doneCases,
            int computedCases, Duration lease) {
        return jdbc.sql("""
                update inference_job set total_cases = :total, done_cases = :done, computed_cases = :computed,
                    lease_until = now() + make_interval(secs => :lease)
                where id = :id and worker = :w and status = 'RUNNING'
                returning
                """ + COLUMNS).param("id", jobId).param("w", worker).param("total", totalCases).param("done", doneCases)
                .param("computed", computedCases).param("lease", (double) lease.toSeconds())
                .query(JobRepository::map).optional();
    }

    /** Ends a job this worker holds. */
    public void finish(long jobId, String worker, InferenceJob.Status status, String error) {
        jdbc.sql("""
                update inference_job set status = :status, error = :error, finished_at = now(), lease_until = null
                where id = :id and worker = :w and status = 'RUNNING'
                """).param("id", jobId).param("w", worker).param("status", status.name()).param("error", error)
                .update();
    }

    /** Hands a job back to the queue (a worker shutting down); another worker or a restart resumes it. */
    public void release(long jobId, String worker) {
        jdbc.sql("""
                update inference_job set status = 'QUEUED', worker = null, lease_until = null
                where id = :id and worker = :w and status = 'RUNNING'
                """).param("id", jobId).param("w", worker).update();
    }

    /** Cancels a queued job at once; asks the worker of a running one to stop after its current case. */
    public void requestCancel(long jobId) {
        jdbc.sql("""
                update inference_job set
                    status = case when status = 'QUEUED' then 'CANCELLED' else status end,
                    finished_at = case when status = 'QUEUED' then now() else finished_at end,
                    cancel_requested = true
                where id = :id and status in ('QUEUED', 'RUNNING')
                """).param("id", jobId).update();
    }

    public Optional<InferenceJob> find(long jobId) {
        return jdbc.sql("select " + COLUMNS + " from inference_job where id = :id").param("id", jobId)
                .query(JobRepository::map).optional();
    }

    public Optional<InferenceJob> latestForStudy(long studyId) {
        return jdbc.sql("select " + COLUMNS + " from inference_job where study_id = :s order by id desc limit 1")
                .param("s", studyId).query(JobRepository::map).optional();
    }

    public List<InferenceJob> forStudy(long studyId) {
        return jdbc.sql("select " + COLUMNS + " from inference_job where study_id = :s order by id desc")
                .param("s", studyId).query(JobRepository::map).list();
    }

    static InferenceJob map(ResultSet rs, int row) throws SQLException {
        return new InferenceJob(rs.getLong("id"), rs.getLong("study_id"), rs.getString("model_sha256"),
                InferenceJob.Status.valueOf(rs.getString("status")), rs.getBoolean("cancel_requested"),
                rs.getInt("total_cases"), rs.getInt("done_cases"), rs.getInt("computed_cases"), rs.getInt("attempts"),
                rs.getString("worker"), rs.getString("error"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
