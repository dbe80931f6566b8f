package nl.knooppunt.gateway.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL that the gateway starts when no {@code spring.datasource.url} is set.
 *
 * @param dataDirectory where the cluster lives; kept between runs. Empty means a fresh temporary
 *     directory that is removed on shutdown (what tests want).
 * @param port the TCP port on loopback; 0 picks a free one.
 */
@ConfigurationProperties("knooppunt.embedded-database")
public record EmbeddedDatabaseProperties(Path dataDirectory, int port) {}
