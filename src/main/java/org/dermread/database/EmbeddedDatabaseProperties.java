package org.dermread.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that DermRead starts when no datasource URL is configured.
 *
 * @param dataDir where the cluster lives; kept between runs so that accounts and answers survive restarts
 * @param port    TCP port on 127.0.0.1; 0 picks a free port at each start
 */
@ConfigurationProperties("dermread.database.embedded")
public record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path dataDir, @DefaultValue("0") int port) {

    public EmbeddedDatabaseProperties {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("dermread.database.embedded.port must be 0..65535, was " + port);
        }
    }
}
