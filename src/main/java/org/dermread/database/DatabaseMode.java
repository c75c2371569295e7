package org.dermread.database;

/** Which PostgreSQL the application talks to; decided once at start-up from the configuration. */
public enum DatabaseMode {
    /** A PostgreSQL started and stopped by DermRead itself, with its data in a local folder. */
    EMBEDDED,
    /** A server named by {@code spring.datasource.url}; DermRead starts nothing. */
    CONFIGURED
}
