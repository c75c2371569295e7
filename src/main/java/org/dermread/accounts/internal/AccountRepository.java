package org.dermread.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dermread.accounts.Account;
import org.dermread.accounts.AccountException;
import org.dermread.accounts.AccountId;
import org.dermread.accounts.AccountNotice;
import org.dermread.accounts.NewAccount;
import org.dermread.accounts.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** JDBC access to {@code account} and {@code account_role}. Callers own transactions and security checks. */
@Repository
public class AccountRepository {

    private static final String SELECT = """
            select a.id, a.username, a.display_name, a.email, a.must_change_password, a.enabled, a.locale,
                   a.demo, a.created_at, r.role
              from account a left join account_role r on r.account_id = a.id
            """;

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    public boolean anyDemoAccount() {
        return jdbc.sql("select exists (select 1 from account where demo and enabled)").query(Boolean.class).single();
    }

    /** Inserts a validated new account, refusing a user name already taken (case-insensitively). */
    public Account insertNew(NewAccount account, String passwordHash, boolean mustChangePassword, boolean demo) {
        if (usernameTaken(account.username())) {
            throw new AccountException("account.error.username-taken", account.username());
        }
        AccountId id = insert(account.username(), account.displayName(), account.email(), passwordHash,
                mustChangePassword, demo, account.roles());
        return findById(id).orElseThrow();
    }

    private AccountId insert(String username, String displayName, String email, String passwordHash,
            boolean mustChangePassword, boolean demo, Collection<Role> roles) {
        long id = jdbc.sql("""
                        insert into account (username, display_name, email, password_hash, must_change_password, demo)
                        values (:username, :displayName, :email, :hash, :mustChange, :demo)
                        returning id
                        """)
                .param("username", username)
                .param("displayName", displayName)
                .param("email", email)
                .param("hash", passwordHash)
                .param("mustChange", mustChangePassword)
                .param("demo", demo)
                .query(Long.class)
                .single();
        replaceRoles(new AccountId(id), roles);
        return new AccountId(id);
    }

    public void replaceRoles(AccountId id, Collection<Role> roles) {
        jdbc.sql("delete from account_role where account_id = :id").param("id", id.value()).update();
        for (Role role : roles) {
            jdbc.sql("insert into account_role (account_id, role) values (:id, :role)")
                    .param("id", id.value())
                    .param("role", role.name())
                    .update();
        }
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("select exists (select 1 from account where lower(username) = lower(:u))")
                .param("u", username)
                .query(Boolean.class)
                .single();
    }

    public Optional<Account> findByUsername(String username) {
        return collect(jdbc.sql(SELECT + " where lower(a.username) = lower(:u)").param("u", username))
                .stream().findFirst();
    }

    public Optional<Account> findById(AccountId id) {
        return collect(jdbc.sql(SELECT + " where a.id = :id").param("id", id.value())).stream().findFirst();
    }

    public List<Account> findAll() {
        return collect(jdbc.sql(SELECT + " order by lower(a.username)"));
    }

    public Optional<String> passwordHash(String username) {
        return jdbc.sql("select password_hash from account where lower(username) = lower(:u)")
                .param("u", username)
                .query(String.class)
                .optional();
    }

    public void updatePassword(AccountId id, String hash, boolean mustChange) {
        jdbc.sql("""
                        update account set password_hash = :hash, must_change_password = :mustChange,
                               password_changed_at = now()
                         where id = :id
                        """)
                .param("hash", hash)
                .param("mustChange", mustChange)
                .param("id", id.value())
                .update();
    }

    public void updateLocale(AccountId id, Locale locale) {
        jdbc.sql("update account set locale = :locale where id = :id")
                .param("locale", locale == null ? null : locale.toLanguageTag())
                .param("id", id.value())
                .update();
    }

    public void updateEnabled(AccountId id, boolean enabled) {
        jdbc.sql("update account set enabled = :enabled where id = :id")
                .param("enabled", enabled)
                .param("id", id.value())
                .update();
    }

    public void updateDetails(AccountId id, String displayName, String email) {
        jdbc.sql("update account set display_name = :name, email = :email where id = :id")
                .param("name", displayName)
                .param("email", email)
                .param("id", id.value())
                .update();
    }

    /** What a sign-in needs to know about an account, read in one query; empty for an unknown name. */
    public Optional<SignInRecord> signInRecord(String username) {
        return jdbc.sql("""
                        select id, username, password_hash, enabled, security_version,
                               coalesce((select string_agg(role, ',') from account_role r where r.account_id = a.id),
                                        '') as roles
                          from account a where lower(username) = lower(:u)
                        """)
                .param("u", username)
                .query((rs, row) -> new SignInRecord(new AccountId(rs.getLong("id")), rs.getString("username"),
                        rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getInt("security_version"),
                        roles(rs.getString("roles"))))
                .optional();
    }

    /** An account as the sign-in sees it; the hash never leaves the accounts feature. */
    public record SignInRecord(AccountId id, String username, String passwordHash, boolean enabled,
            int securityVersion, Set<Role> roles) {
    }

    private static Set<Role> roles(String joined) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : joined.split(",")) {
            if (!role.isEmpty()) {
                roles.add(Role.valueOf(role));
            }
        }
        return roles;
    }

    /** The account's security version and whether it may sign in, for the per-request session check. */
    public Optional<SessionState> sessionState(long accountId) {
        return jdbc.sql("select security_version, enabled from account where id = :id")
                .param("id", accountId)
                .query((rs, row) -> new SessionState(rs.getInt(1), rs.getBoolean(2)))
                .optional();
    }

    public record SessionState(int securityVersion, boolean enabled) {
    }

    /** Ends every session of the account at its next request; returns the new version. */
    public int bumpSecurityVersion(AccountId id) {
        return jdbc.sql("update account set security_version = security_version + 1 where id = :id "
                        + "returning security_version")
                .param("id", id.value())
                .query(Integer.class)
                .single();
    }

    public void addNotice(AccountId id, String kind, String actor) {
        jdbc.sql("insert into account_notice (account_id, kind, actor) values (:id, :kind, :actor)")
                .param("id", id.value())
                .param("kind", kind)
                .param("actor", actor.length() <= 64 ? actor : actor.substring(0, 64))
                .update();
    }

    /** Notices the owner has not dismissed yet, oldest first. */
    public List<AccountNotice> unseenNotices(AccountId id) {
        return jdbc.sql("""
                        select id, kind, actor, created_at from account_notice
                         where account_id = :id and seen_at is null order by created_at, id
                        """)
                .param("id", id.value())
                .query((rs, row) -> new AccountNotice(rs.getLong("id"),
                        AccountNotice.Kind.valueOf(rs.getString("kind")), rs.getString("actor"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public void markNoticesSeen(AccountId id) {
        jdbc.sql("update account_notice set seen_at = now() where account_id = :id and seen_at is null")
                .param("id", id.value())
                .update();
    }

    private static List<Account> collect(JdbcClient.StatementSpec statement) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        statement.query((ResultSet rs) -> {
            long id = rs.getLong("id");
            Row row = rows.computeIfAbsent(id, key -> Row.of(rs));
            String role = rs.getString("role");
            if (role != null) {
                row.roles.add(Role.valueOf(role));
            }
        });
        return rows.values().stream().map(Row::toAccount).toList();
    }

    private record Row(long id, String username, String displayName, String email, boolean mustChange,
            boolean enabled, String locale, boolean demo, Instant createdAt, Set<Role> roles) {

        static Row of(ResultSet rs) {
            try {
                return new Row(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getString("email"), rs.getBoolean("must_change_password"), rs.getBoolean("enabled"),
                        rs.getString("locale"), rs.getBoolean("demo"),
                        rs.getTimestamp("created_at").toInstant(), EnumSet.noneOf(Role.class));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        Account toAccount() {
            return new Account(new AccountId(id), username, displayName, email, roles, mustChange, enabled,
                    locale == null ? null : Locale.forLanguageTag(locale), demo, createdAt);
        }
    }
}
