package org.dermread.export;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * A JDBC driver for tests: it opens real PostgreSQL connections and records, for one watched thread, every
 * statement the application runs with the state of its connection (which connection, which transaction on it,
 * read-only, isolation level). A test context uses it with {@link #DRIVER_PROPERTY}; the connection pool then takes
 * every connection from it. It can also run a hook once, right after the first statement of a read-only
 * transaction, to commit something from another thread while that transaction is open.
 */
public class StatementLog implements Driver {

    /** The test property that makes the context's pool use this driver. */
    public static final String DRIVER_PROPERTY =
            "spring.datasource.driver-class-name=org.dermread.export.StatementLog";

    /**
     * A statement as the database received it.
     *
     * @param transaction   the transaction's number on its connection (a new one after each begin, commit or
     *                      rollback)
     * @param inTransaction whether auto-commit was off, i.e. the statement ran inside an explicit transaction
     * @param isolation     the connection's isolation level, one of {@link Connection}'s constants
     */
    public record Executed(String sql, int connection, int transaction, boolean inTransaction, boolean readOnly,
            int isolation) {

        /** Whether the statement reads or writes the named table. */
        public boolean touches(String table) {
            return sql.matches("(?is).*\\b(from|join|into|update)\\s+" + table + "\\b.*");
        }
    }

    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static final List<Executed> LOG = new ArrayList<>();
    private static volatile Thread watched;
    private static final AtomicReference<Runnable> HOOK = new AtomicReference<>();

    private final Driver postgres;

    public StatementLog() throws SQLException {
        postgres = DriverManager.getDriver("jdbc:postgresql://localhost/");
    }

    /** Starts recording the statements the current thread runs. */
    public static synchronized void watchThisThread() {
        LOG.clear();
        watched = Thread.currentThread();
    }

    /** Stops recording; the statements recorded since {@link #watchThisThread()}. */
    public static synchronized List<Executed> stop() {
        watched = null;
        HOOK.set(null);
        return List.copyOf(LOG);
    }

    /** Runs {@code hook} once, on the watched thread, after the first statement it runs in a read-only transaction. */
    public static void afterFirstReadOnlyStatement(Runnable hook) {
        HOOK.set(hook);
    }

    private static synchronized void record(Executed executed) {
        if (Thread.currentThread() == watched) {
            LOG.add(executed);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection connection = postgres.connect(url, info);
        return connection == null ? null : (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, new ConnectionState(connection, CONNECTIONS.incrementAndGet()));
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return postgres.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return postgres.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return postgres.getParentLogger();
    }

    /** Follows a connection's transaction state and wraps the statements it creates. */
    private static final class ConnectionState implements InvocationHandler {
        private final Connection target;
        private final int id;
        private boolean autoCommit = true;
        private boolean readOnly;
        private int isolation = Connection.TRANSACTION_READ_COMMITTED;
        private int transaction;

        ConnectionState(Connection target, int id) {
            this.target = target;
            this.id = id;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "setAutoCommit" -> {
                    boolean on = (Boolean) args[0];
                    if (autoCommit && !on) {
                        transaction++;
                    }
                    autoCommit = on;
                }
                case "commit", "rollback" -> transaction++;
                case "setReadOnly" -> readOnly = (Boolean) args[0];
                case "setTransactionIsolation" -> isolation = (Integer) args[0];
                default -> {
                }
            }
            Object result = call(target, method, args);
            if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                return statement(result, sql, PreparedStatement.class);
            }
            if (method.getName().equals("createStatement")) {
                return statement(result, null, Statement.class);
            }
            return result;
        }

        private Object statement(Object statement, String preparedSql, Class<?> type) {
            return Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> {
                        Object result = call(statement, method, args);
                        if (method.getName().startsWith("execute")) {
                            String sql = preparedSql != null ? preparedSql
                                    : args != null && args.length > 0 && args[0] instanceof String s ? s : "";
                            executed(sql);
                        }
                        return result;
                    });
        }

        private void executed(String sql) {
            record(new Executed(sql, id, transaction, !autoCommit, readOnly, isolation));
            if (Thread.currentThread() == watched && !autoCommit && readOnly) {
                Runnable hook = HOOK.getAndSet(null);
                if (hook != null) {
                    hook.run();
                }
            }
        }

        private static Object call(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
