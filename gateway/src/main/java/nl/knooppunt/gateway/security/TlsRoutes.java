package nl.knooppunt.gateway.security;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Watches the TLS files for changes. */
@Component
class TlsRoutes extends RouteBuilder {

    private final TlsReloader reloader;
    private final TlsProperties properties;

    TlsRoutes(TlsReloader reloader, TlsProperties properties) {
        this.reloader = reloader;
        this.properties = properties;
    }

    @Override
    public void configure() {
        from("timer:tls-file-watch?period=" + properties.watchInterval().toMillis()).routeId("tls-file-watch")
                .bean(reloader, "reloadIfChanged");
    }
}
