package org.dermread.accounts.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** JDBC access to {@code signin_throttle}; times are the database's, so every instance counts alike. */
@Repository
public class ThrottleRepository {

    private final JdbcClient jdbc;

    public ThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One key as it stands now.
     *
     * @param recentFailures failures counted now (zero once the key has been quiet for the reset period)
     * @param blocked        whether the key is inside its delay
     */
    public record KeyState(String key, int recentFailures, boolean blocked) {
    }

    public List<KeyState> states(Collection<String> keys, long quietSeconds) {
        return jdbc.sql("""
                        select throttle_key,
                               case when last_failure_at < now() - make_interval(secs => :quiet) then 0
                                    else failures end as recent,
                               coalesce(blocked_until > now(), false) as blocked
                          from signin_throttle where throttle_key in (:keys)
                        """)
                .param("keys", List.copyOf(keys))
                .param("quiet", quietSeconds)
                .query((rs, row) -> new KeyState(rs.getString(1), rs.getInt(2), rs.getBoolean(3)))
                .list();
    }

    /** Counts a failure (from one again after a quiet period); returns the failures now counted. */
    public int countFailure(String key, long quietSeconds) {
        return jdbc.sql("""
                        insert into signin_throttle (throttle_key, failures, last_failure_at) values (:key, 1, now())
                        on conflict (throttle_key) do update set
                            failures = case when signin_throttle.last_failure_at < now() - make_interval(secs => :quiet)
                                            then 1 else signin_throttle.failures + 1 end,
                            blocked_until = case when signin_throttle.last_failure_at
                                                      < now() - make_interval(secs => :quiet)
                                                 then null else signin_throttle.blocked_until end,
                            last_failure_at = now()
                        returning failures
                        """)
                .param("key", key)
                .param("quiet", quietSeconds)
                .query(Integer.class)
                .single();
    }

    /** Sets the key's delay; returns true when it was not delayed before (a new block starts). */
    public boolean blockFor(String key, double seconds) {
        Boolean wasFree = jdbc.sql("""
                        update signin_throttle t set blocked_until = now() + make_interval(secs => :secs)
                          from (select throttle_key, blocked_until from signin_throttle where throttle_key = :key
                                   for update) old
                         where t.throttle_key = old.throttle_key
                        returning old.blocked_until is null or old.blocked_until <= now()
                        """)
                .param("key", key)
                .param("secs", seconds)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        return Boolean.TRUE.equals(wasFree);
    }

    /** Counts an attempt refused without being evaluated (kept apart from the failures, which set the delay). */
    public void countRefused(Collection<String> keys) {
        jdbc.sql("update signin_throttle set refused = refused + 1 where throttle_key in (:keys)")
                .param("keys", List.copyOf(keys))
                .update();
    }

    public void delete(Collection<String> keys) {
        jdbc.sql("delete from signin_throttle where throttle_key in (:keys)")
                .param("keys", List.copyOf(keys))
                .update();
    }

    /** Forgets keys quiet for longer than the given time, so anonymous visitors cannot grow the table for ever. */
    public void forgetQuietKeys(long olderThanSeconds) {
        jdbc.sql("""
                        delete from signin_throttle where last_failure_at < now() - make_interval(secs => :secs)
                           and (blocked_until is null or blocked_until < now())
                        """)
                .param("secs", olderThanSeconds)
                .update();
    }
}
