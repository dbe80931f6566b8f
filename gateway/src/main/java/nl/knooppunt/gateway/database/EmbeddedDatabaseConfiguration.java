package nl.knooppunt.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL 17 from the embedded binaries when no database server is configured, so that
 * the run command and the tests need nothing but a JDK. With {@code SPRING_DATASOURCE_URL} set,
 * this configuration steps aside and Spring Boot connects to that server instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseConfigured.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC");
        if (properties.dataDirectory() != null) {
            Files.createDirectories(properties.dataDirectory());
            builder.setDataDirectory(properties.dataDirectory()).setCleanDataDirectory(false);
        }
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL started on port {} (data directory: {})", postgres.getPort(),
                properties.dataDirectory() == null ? "temporary" : properties.dataDirectory().toAbsolutePath());
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .password("postgres")
                .build();
    }
}
