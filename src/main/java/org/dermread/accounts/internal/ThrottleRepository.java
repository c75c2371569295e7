package org.dermread.accounts.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Counts a failure (from one again after a quiet period); returns the failures now counted.
     *
     * @param accountKey the account key the key belongs to (so that an administrator can lift it), or null
     */
    public int countFailure(String key, String accountKey, long quietSeconds) {
        return jdbc.sql("""
                        insert into signin_throttle (throttle_key, account_key, failures, last_failure_at)
                        values (:key, :account, 1, now())
                        on conflict (throttle_key) do update set
                            account_key = coalesce(excluded.account_key, signin_throttle.account_key),
                            failures = case when signin_throttle.last_failure_at < now() - make_interval(secs => :quiet)
                                            then 1 else signin_throttle.failures + 1 end,
                            blocked_until = case when signin_throttle.last_failure_at
                                                      < now() - make_interval(secs => :quiet)
                                                 then null else signin_throttle.blocked_until end,
                            last_failure_at = now()
                        returning failures
                        """)
                .param("key", key)
                .param("account", accountKey)
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

    /**
     * The end of every delay now in force, per owner: for an account key, the latest of its own delay and those of
     * the (name, address) pairs that belong to it; any other key (address, password page) stands for itself.
     */
    public Map<String, Instant> delaysInForce() {
        Map<String, Instant> result = new HashMap<>();
        jdbc.sql("""
                        select coalesce(account_key, throttle_key), max(blocked_until) from signin_throttle
                         where blocked_until > now()
                         group by coalesce(account_key, throttle_key)
                        """)
                .query((rs, row) -> result.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
        return result;
    }

    /** Deletes the given keys and every key that belongs to the account key; returns how many were in force. */
    public int lift(String accountKey, Collection<String> keys) {
        return jdbc.sql("""
                        with gone as (delete from signin_throttle
                                       where account_key = :account or throttle_key = :account
                                          or throttle_key in (:keys)
                                   returning blocked_until)
                        select count(*) from gone where blocked_until > now()
                        """)
                .param("account", accountKey)
                .param("keys", List.copyOf(keys))
                .query(Integer.class)
                .single();
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
