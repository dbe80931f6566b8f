package nl.knooppunt.gateway.security;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.knooppunt.certs.DevPki;
import nl.knooppunt.certs.DevPkiGenerator;
import nl.knooppunt.certs.DevPkiSpec;
import nl.knooppunt.certs.Participant;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * For development and tests only ({@code knooppunt.dev-pki.enabled=true}): before the web server
 * starts, makes sure a throw-away PKI exists (generated once, kept while valid) and points the TLS
 * settings at it, unless they are configured explicitly. Production configures real PKIoverheid
 * material and leaves this off.
 */
public class DevPkiBootstrap implements EnvironmentPostProcessor, Ordered {

    static final String PREFIX = "knooppunt.dev-pki.";

    private final Log log;

    public DevPkiBootstrap(DeferredLogFactory logs) {
        this.log = logs.getLog(DevPkiBootstrap.class);
    }

    @Override
    public int getOrder() {
        // After the configuration files are read.
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(PREFIX + "enabled", Boolean.class, false)) {
            return;
        }
        Path directory = Path.of(environment.getProperty(PREFIX + "directory", "var/pki"));
        String password = environment.getProperty(PREFIX + "password", DevPkiSpec.DEFAULT_PASSWORD);
        List<Participant> participants = Binder.get(environment)
                .bind(PREFIX + "participants", Bindable.listOf(String.class))
                .orElse(List.of())
                .stream()
                .map(Participant::parse)
                .toList();
        DevPki pki = DevPkiGenerator.generateIfAbsent(DevPkiSpec.builder(directory)
                .password(password)
                .participants(participants)
                .build());
        log.info((pki.freshlyGenerated() ? "Generated" : "Using") + " the development PKI in "
                + pki.directory() + " (" + participants.size() + " participant certificates)");

        Map<String, Object> tls = new LinkedHashMap<>();
        tls.put("knooppunt.tls.key-store", pki.server().keyStore().toString());
        tls.put("knooppunt.tls.key-store-password", password);
        tls.put("knooppunt.tls.key-alias", pki.server().alias());
        tls.put("knooppunt.tls.trust-store", pki.trustStore().toString());
        tls.put("knooppunt.tls.trust-store-password", password);
        tls.put("knooppunt.tls.intermediates", pki.intermediateCaPem().toString());
        tls.put("knooppunt.tls.crls", pki.crls().stream().map(Path::toString).collect(Collectors.joining(",")));
        Path ssh = DevSshKey.generateIfAbsent(pki.directory().resolve("ssh"));
        tls.put("knooppunt.sftp.private-key", ssh.resolve(DevSshKey.PRIVATE_KEY).toString());
        tls.put("knooppunt.sftp.known-hosts", ssh.resolve(DevSshKey.KNOWN_HOSTS).toString());
        // Lowest precedence: anything configured explicitly wins.
        environment.getPropertySources().addLast(new MapPropertySource("knooppunt-dev-pki", tls));
    }
}
