package nl.knooppunt.gateway.security;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The two doors of the gateway:
 *
 * <ul>
 *   <li>the participant port (Spring's {@code server.port}): TLS 1.2/1.3 with forward-secret
 *       ciphers only, a client certificate required, its chain validated against the trust store
 *       (any of several CAs) with revocation checked against the CRLs;
 *   <li>the operator port ({@code knooppunt.operator.port}): health, metrics and the operator API,
 *       never reachable with a participant certificate alone.
 * </ul>
 */
@Component
class TomcatConnectors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String ROLE = "knooppuntRole";
    static final String OPERATOR = "operator";

    private final TlsMaterial tls;
    private final OperatorProperties operator;

    TomcatConnectors(TlsMaterial tls, OperatorProperties operator) {
        this.tls = tls;
        this.operator = operator;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!tls.isConfigured()) {
            throw new IllegalStateException("The participant port needs TLS: configure knooppunt.tls.key-store "
                    + "(and trust-store, crls), or enable knooppunt.dev-pki for development");
        }
        factory.addConnectorCustomizers(this::requireMutualTls);

        Connector operatorConnector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        operatorConnector.setPort(operator.port());
        operatorConnector.setProperty("address", operator.address());
        operatorConnector.setProperty(ROLE, OPERATOR);
        factory.addAdditionalTomcatConnectors(operatorConnector);
    }

    private void requireMutualTls(Connector connector) {
        TlsProperties settings = tls.properties();
        AbstractHttp11Protocol<?> protocol = (AbstractHttp11Protocol<?>) connector.getProtocolHandler();
        connector.setScheme("https");
        connector.setSecure(true);
        protocol.setSSLEnabled(true);

        SSLHostConfig ssl = new SSLHostConfig();
        ssl.setHostName(protocol.getDefaultSSLHostConfigName());
        ssl.setProtocols(String.join(",", settings.protocols()));
        ssl.setCiphers(String.join(",", settings.ciphers()));
        ssl.setHonorCipherOrder(true);
        ssl.setCertificateVerification("required");
        ssl.setTruststoreFile(settings.trustStore().toAbsolutePath().toString());
        ssl.setTruststorePassword(settings.trustStorePassword());
        ssl.setTruststoreType("PKCS12");
        if (tls.hasCrls()) {
            // With a CRL file, Tomcat validates client chains with PKIX and revocation checking on.
            ssl.setCertificateRevocationListFile(tls.combinedCrlFile().toAbsolutePath().toString());
        }
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(settings.keyStore().toAbsolutePath().toString());
        certificate.setCertificateKeystorePassword(settings.keyStorePassword());
        certificate.setCertificateKeystoreType("PKCS12");
        if (settings.keyAlias() != null && !settings.keyAlias().isBlank()) {
            certificate.setCertificateKeyAlias(settings.keyAlias());
        }
        ssl.addCertificate(certificate);
        protocol.addSslHostConfig(ssl);
    }
}
