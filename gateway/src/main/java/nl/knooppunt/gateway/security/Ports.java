package nl.knooppunt.gateway.security;

import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * The ports the gateway actually listens on, known once the web server runs: the participants'
 * mutual-TLS port (Spring's server port) and the operator port. Also published as
 * {@code local.operator.port}, like Spring's {@code local.server.port}.
 */
@Component
public class Ports implements ApplicationListener<ServletWebServerInitializedEvent> {

    private final ConfigurableEnvironment environment;
    private volatile int participantPort = -1;
    private volatile int operatorPort = -1;
    private volatile Connector participantConnector;

    Ports(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(ServletWebServerInitializedEvent event) {
        if (!(event.getWebServer() instanceof TomcatWebServer tomcat)) {
            return;
        }
        participantConnector = tomcat.getTomcat().getConnector();
        participantPort = participantConnector.getLocalPort();
        for (Connector connector : tomcat.getTomcat().getService().findConnectors()) {
            if (TomcatConnectors.OPERATOR.equals(connector.getProperty(TomcatConnectors.ROLE))) {
                operatorPort = connector.getLocalPort();
            }
        }
        environment.getPropertySources().addFirst(new MapPropertySource("knooppunt-ports",
                Map.of("local.operator.port", operatorPort)));
    }

    public int participantPort() {
        return participantPort;
    }

    public int operatorPort() {
        return operatorPort;
    }

    Connector participantConnector() {
        return participantConnector;
    }
}
