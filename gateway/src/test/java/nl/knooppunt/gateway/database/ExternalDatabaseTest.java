package nl.knooppunt.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With spring.datasource.url set, the gateway uses that server and starts no database of its own.
 * The "external" server here is a separately started PostgreSQL the gateway knows nothing about.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "knooppunt.outbound.enabled=false")
@ActiveProfiles("test")
// The server this context uses stops with the class; so must the context.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExternalDatabaseTest {

    static final EmbeddedPostgres EXTERNAL = start();

    static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EXTERNAL.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @AfterAll
    static void stop() throws IOException {
        EXTERNAL.close();
    }

    @Autowired
    ApplicationContext context;

    @Test
    void gatewayMigratesAndUsesTheConfiguredServer() throws Exception {
        assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        try (Connection c = EXTERNAL.getPostgresDatabase().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select count(*) from participant")) {
            rs.next();
            assertThat(rs.getInt(1)).as("registry synchronised into the external database").isGreaterThan(0);
        }
    }
}
