package nl.knooppunt.gateway.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL that the gateway starts when no {@code spring.datasource.url} is set.
 *
 * <p>At start the gateway checks that the server answering on the port serves this data directory.
 * A server of the same directory that a killed gateway left running is stopped and started again
 * for this gateway; a server of another directory, or anything else on the port, stops the start
 * with a message naming the port.
 *
 * @param dataDirectory where the cluster lives; kept between runs. Empty means a fresh temporary
 *     directory that is removed on shutdown (what tests want).
 * @param port the TCP port on loopback; 0 picks a free one. Two gateways on one machine (two
 *     checkouts, say) each need their own port and data directory.
 * @param durable whether a commit waits until it is on disk ({@code fsync}, {@code synchronous_commit}
 *     and {@code full_page_writes} on), so that a dossier answered 201 Created survives a crash of
 *     the gateway, its database or the machine. Default {@code true}. {@code false} is faster, but a
 *     crash can lose the last transactions the gateway already confirmed: only for throw-away test
 *     and development databases.
 */
@ConfigurationProperties("knooppunt.embedded-database")
public record EmbeddedDatabaseProperties(Path dataDirectory, int port, @DefaultValue("true") boolean durable) {}
