package nl.knooppunt.gateway.channel.webhook;

import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import nl.knooppunt.gateway.outbound.RecipientEndpoints;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.security.OutboundTls;
import nl.knooppunt.gateway.security.TlsMaterial;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * The Camel {@code https:} endpoint of each SHV's webhook receiver, built as the REST channel builds a
 * creditor's: TLS with the gateway's certificate (the receiver may ask for it), the receiver's server
 * certificate and host name checked, fixed timeouts, and nothing behind the engine's back (no automatic
 * retries, no redirects, no cookies). A changed channel or reloaded TLS material makes a new endpoint.
 */
@Component
class WebhookEndpoints {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final CamelContext camel;
    private final OutboundTls tls;
    private final TlsMaterial material;
    private final RecipientEndpoints endpoints;

    WebhookEndpoints(CamelContext camel, OutboundTls tls, TlsMaterial material) {
        this.camel = camel;
        this.tls = tls;
        this.material = material;
        this.endpoints = new RecipientEndpoints(camel, "webhook-shv-");
    }

    String uriFor(Participant shv, WebhookSettings settings) {
        CreditorChannel channel = shv.channel().orElseThrow();
        return endpoints.uriFor(shv.oin().value(), List.of(channel, material.version()), name -> {
            camel.getRegistry().bind(name, HttpClientConfigurer.class,
                    new ReceiverHttpClient(tls.clientContext(settings.trustStore(), settings.trustStorePassword())));
            String endpoint = channel.endpoint();
            // The answer comes back whatever its status: the channel classifies it.
            return endpoint + (endpoint.contains("?") ? "&" : "?") + "httpClientConfigurer=#" + name
                    + "&throwExceptionOnFailure=false&followRedirects=false";
        });
    }

    private static final class ReceiverHttpClient implements HttpClientConfigurer {

        private final SSLContext context;

        ReceiverHttpClient(SSLContext context) {
            this.context = context;
        }

        @Override
        public void configureHttpClient(HttpClientBuilder builder) {
            Timeout read = Timeout.of(READ_TIMEOUT);
            builder.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setTlsSocketStrategy(new DefaultClientTlsStrategy(context))
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                            .setSocketTimeout(read)
                            .build())
                    .build());
            builder.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).build());
            builder.disableAutomaticRetries();
            builder.disableRedirectHandling();
            builder.disableCookieManagement();
        }
    }
}
