package nl.knooppunt.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The gateway against the official PostgreSQL 17 image. Runs by itself wherever Testcontainers
 * finds a Docker engine (the local socket, DOCKER_HOST, ~/.testcontainers.properties); elsewhere it
 * is reported as skipped, with the reason. A build that must run it (a CI job with Docker) sets
 * {@code -Dknooppunt.docker-tests=required}: then a missing engine fails the test instead of
 * skipping it, so the job cannot pass without it having run.
 */
@EnabledIf(value = "dockerReachableOrRequired",
        disabledReason = "no Docker engine reachable, so the PostgreSQL 17 image cannot run; "
                + "start Docker (or set DOCKER_HOST) to run it, -Dknooppunt.docker-tests=required to fail instead")
@Testcontainers
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class PostgresContainerTest {

    static final String REQUIRED = "required";

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:17-alpine");

    static boolean dockerReachableOrRequired() {
        return REQUIRED.equals(System.getProperty("knooppunt.docker-tests"))
                || DockerClientFactory.instance().isDockerAvailable();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // Set as properties, as an operator would: that is what makes the gateway use this server.
        registry.add("spring.datasource.url", POSTGRES::getJdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::getUsername);
        registry.add("spring.datasource.password", POSTGRES::getPassword);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void migrationsRunOnTheOfficialImage() {
        assertThat(jdbc.sql("select count(*) from participant").query(Integer.class).single()).isPositive();
        assertThat(jdbc.sql("show server_version").query(String.class).single()).startsWith("17");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where not success")
                .query(Integer.class).single()).as("failed migrations").isZero();
    }
}
