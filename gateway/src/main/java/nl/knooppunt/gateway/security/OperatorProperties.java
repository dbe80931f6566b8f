package nl.knooppunt.gateway.security;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator port: health, metrics, the operator API and (later) the console, apart from the
 * participants' mutual-TLS port.
 *
 * @param port TCP port; 0 picks a free one
 * @param address interface to listen on; loopback unless the operator network needs more
 * @param users operators allowed in (HTTP Basic); passwords in Spring's {@code {bcrypt}...} form
 * @param devPasswordFile development only: when no users are configured, an "operator" user is
 *     created with a random password kept in this file
 */
@ConfigurationProperties("knooppunt.operator")
public record OperatorProperties(
        @DefaultValue("8080") int port,
        @DefaultValue("127.0.0.1") String address,
        @DefaultValue List<User> users,
        Path devPasswordFile) {

    public record User(String name, String password) {}
}
