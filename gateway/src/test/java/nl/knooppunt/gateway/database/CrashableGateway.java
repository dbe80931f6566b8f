package nl.knooppunt.gateway.database;

import nl.knooppunt.gateway.support.SecondGateway;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A gateway in a process of its own, with its embedded database, for {@link CrashDurabilityTest} to
 * kill. Prints {@code READY <participant port>} once it serves. Arguments: Spring properties.
 */
public final class CrashableGateway {

    private CrashableGateway() {}

    public static void main(String[] args) {
        ConfigurableApplicationContext gateway = SecondGateway.startWithEmbeddedDatabase(new String[] {"test"}, args);
        System.out.println("READY " + ((WebServerApplicationContext) gateway).getWebServer().getPort());
        System.out.flush();
    }
}
