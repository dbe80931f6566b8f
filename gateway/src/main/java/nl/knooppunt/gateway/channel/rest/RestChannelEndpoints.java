package nl.knooppunt.gateway.channel.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.apache.camel.component.http.OAuth2ClientConfigurer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * The Camel {@code https:} endpoint of each REST creditor: its URL, mutual TLS with the gateway's
 * certificate (checking the creditor's server certificate and host name), the timeouts, and nothing
 * done behind the engine's back (no automatic retries, no redirects, no cookies); for a creditor that
 * demands it, an OAuth2 bearer token (client credentials). The HTTP client's
 * settings are a configurer bound in the Camel registry under a name per creditor; a changed channel or
 * reloaded TLS material makes a new endpoint under a new name.
 */
@Component
class RestChannelEndpoints {

    /** A token whose answer gives no expires_in is used this long. */
    private static final Duration TOKEN_LIFETIME_IF_UNSAID = Duration.ofMinutes(5);
    /** A token is renewed this long before it expires, so that it does not expire in flight. */
    private static final Duration TOKEN_EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final CamelContext camel;
    private final OutboundTls tls;
    private final TlsMaterial material;
    private final RestDeliveryProperties properties;
    private final RecipientEndpoints endpoints;

    RestChannelEndpoints(CamelContext camel, OutboundTls tls, TlsMaterial material, RestDeliveryProperties properties) {
        this.camel = camel;
        this.tls = tls;
        this.material = material;
        this.properties = properties;
        this.endpoints = new RecipientEndpoints(camel, "rest-creditor-");
    }

    /** The endpoint URI for this creditor as its channel is configured now. */
    String uriFor(Participant creditor) {
        CreditorChannel channel = creditor.channel().orElseThrow();
        return endpoints.uriFor(creditor.oin().value(), List.of(channel, material.version()), name -> {
            RestChannelSettings settings = RestChannelSettings.of(channel);
            camel.getRegistry().bind(name, HttpClientConfigurer.class, new CreditorHttpClient(
                    tls.clientContext(settings.trustStore(), settings.trustStorePassword()), settings.oauth2()));
            return uri(channel.endpoint(), name);
        });
    }

    /**
     * The creditor's URL with Camel's options: the answer comes back whatever its status (the reader
     * classifies it), and as the open stream, read while the route still holds it.
     */
    private static String uri(String endpoint, String configurer) {
        return endpoint + (endpoint.contains("?") ? "&" : "?") + "httpClientConfigurer=#" + configurer
                + "&throwExceptionOnFailure=false&disableStreamCache=true&followRedirects=false";
    }

    /** Mutual TLS and timeouts on the HTTP client of one creditor's endpoint. */
    private final class CreditorHttpClient implements HttpClientConfigurer {

        private final SSLContext context;
        private final RestChannelSettings.OAuth2 oauth2;

        CreditorHttpClient(SSLContext context, RestChannelSettings.OAuth2 oauth2) {
            this.context = context;
            this.oauth2 = oauth2;
        }

        @Override
        public void configureHttpClient(HttpClientBuilder builder) {
            Timeout read = Timeout.of(properties.readTimeout());
            builder.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setTlsSocketStrategy(new DefaultClientTlsStrategy(context))
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                            .setSocketTimeout(read)
                            .build())
                    .build());
            builder.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).build());
            // The engine decides about retries: the same batch, under the same id, with backoff.
            builder.disableAutomaticRetries();
            builder.disableRedirectHandling();
            builder.disableCookieManagement();
            if (oauth2 != null) {
                // Camel's client-credentials configurer, given the secret here rather than in the endpoint URI
                // (which shows in route metrics and traces). Its token client is built from this builder, so
                // the token endpoint is called over the same mutual TLS. A token is cached until its
                // expires_in, less a margin; a failed token request fails the attempt as a transport failure.
                new OAuth2ClientConfigurer(oauth2.clientId(), oauth2.clientSecret(), oauth2.tokenUrl().toString(),
                        null, oauth2.scope() == null ? null : URLEncoder.encode(oauth2.scope(), StandardCharsets.UTF_8),
                        true, TOKEN_LIFETIME_IF_UNSAID.toSeconds(), TOKEN_EXPIRY_MARGIN.toSeconds(), false)
                        .configureHttpClient(builder);
            }
        }
    }
}
