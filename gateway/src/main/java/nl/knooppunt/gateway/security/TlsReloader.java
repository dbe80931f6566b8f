package nl.knooppunt.gateway.security;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Loads changed key stores, trust stores and CRLs into the running participant port: new
 * connections use them at once, without a restart. Called periodically by the route
 * {@code tls-file-watch}.
 */
@Component
public class TlsReloader {

    private static final Logger log = LoggerFactory.getLogger(TlsReloader.class);

    private final TlsMaterial material;
    private final Ports ports;

    TlsReloader(TlsMaterial material, Ports ports) {
        this.material = material;
        this.ports = ports;
    }

    /** @return true when the TLS files had changed and were loaded */
    public boolean reloadIfChanged() {
        if (!material.isConfigured() || ports.participantConnector() == null || !material.refreshIfChanged()) {
            return false;
        }
        AbstractHttp11Protocol<?> protocol = (AbstractHttp11Protocol<?>) ports.participantConnector().getProtocolHandler();
        protocol.reloadSslHostConfigs();
        log.info("TLS key store, trust store or CRLs changed on disk: loaded into the participant port");
        return true;
    }
}
