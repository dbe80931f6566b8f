package nl.knooppunt.gateway.channel.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.knooppunt.gateway.registry.ChannelTrustStore;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.InvalidChannelException;

/**
 * A REST creditor's channel settings, typed: read once from the registry's map by {@link #of}, which the
 * start-up check and the creditor's endpoint both use. That the endpoint is an {@code https} URL with a
 * host is the registry's check, for every channel type alike.
 *
 * @param trustStore {@code trust-store}: PKCS#12 trust store for the creditor's server certificate, when
 *     it chains to another CA than participants' certificates; else null (the gateway's trust store)
 * @param trustStorePassword {@code trust-store-password}, required with a trust store
 * @param oauth2 OAuth2 client credentials, for a creditor whose service demands a bearer token; else null
 */
record RestChannelSettings(Path trustStore, String trustStorePassword, OAuth2 oauth2) {

    static final String TRUST_STORE = ChannelTrustStore.TRUST_STORE;
    static final String TRUST_STORE_PASSWORD = ChannelTrustStore.TRUST_STORE_PASSWORD;
    static final String OAUTH2_TOKEN_URL = "oauth2-token-url";
    static final String OAUTH2_CLIENT_ID = "oauth2-client-id";
    static final String OAUTH2_CLIENT_SECRET_FILE = "oauth2-client-secret-file";
    static final String OAUTH2_SCOPE = "oauth2-scope";
    private static final Set<String> KNOWN = Set.of(TRUST_STORE, TRUST_STORE_PASSWORD, OAUTH2_TOKEN_URL,
            OAUTH2_CLIENT_ID, OAUTH2_CLIENT_SECRET_FILE, OAUTH2_SCOPE);

    /**
     * OAuth2 client credentials grant (RFC 6749 §4.4) at the creditor's token endpoint, over the same mutual
     * TLS; the client authenticates with HTTP Basic.
     *
     * @param tokenUrl {@code oauth2-token-url}: https URL of the token endpoint
     * @param clientId {@code oauth2-client-id}
     * @param clientSecretFile {@code oauth2-client-secret-file}: a file holding only the secret, so that the
     *     secret is in no configuration file or log
     * @param scope {@code oauth2-scope}: space-separated scopes to ask for, or null
     */
    record OAuth2(URI tokenUrl, String clientId, Path clientSecretFile, String scope) {

        /** The secret, read when the creditor's endpoint is made (and at start-up, to check it). */
        String clientSecret() {
            try {
                return Files.readString(clientSecretFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("The OAuth2 client secret file cannot be read: " + clientSecretFile, e);
            }
        }
    }

    /** @throws InvalidChannelException naming the setting that cannot work */
    static RestChannelSettings of(CreditorChannel channel) {
        Map<String, String> settings = channel.settings();
        for (String key : settings.keySet()) {
            if (!KNOWN.contains(key)) {
                throw invalid(key, "is not a REST channel setting; known: " + String.join(", ", new TreeSet<>(KNOWN)));
            }
        }
        OAuth2 oauth2 = oauth2(settings);
        ChannelTrustStore trustStore = ChannelTrustStore.of(settings);
        return trustStore == null ? new RestChannelSettings(null, null, oauth2)
                : new RestChannelSettings(trustStore.path(), trustStore.password(), oauth2);
    }

    /** All of token URL, client id and secret file, or none of them (a scope only with them). */
    private static OAuth2 oauth2(Map<String, String> settings) {
        String tokenUrl = settings.get(OAUTH2_TOKEN_URL);
        String clientId = settings.get(OAUTH2_CLIENT_ID);
        String secretFile = settings.get(OAUTH2_CLIENT_SECRET_FILE);
        String scope = settings.get(OAUTH2_SCOPE);
        if (tokenUrl == null && clientId == null && secretFile == null && scope == null) {
            return null;
        }
        for (String required : List.of(OAUTH2_TOKEN_URL, OAUTH2_CLIENT_ID, OAUTH2_CLIENT_SECRET_FILE)) {
            String value = settings.get(required);
            if (value == null || value.isBlank()) {
                throw invalid(required, "is needed for OAuth2, with " + String.join(", ", List.of(OAUTH2_TOKEN_URL,
                        OAUTH2_CLIENT_ID, OAUTH2_CLIENT_SECRET_FILE)));
            }
        }
        URI uri;
        try {
            uri = new URI(tokenUrl);
        } catch (URISyntaxException e) {
            throw invalid(OAUTH2_TOKEN_URL, "'" + tokenUrl + "' is not a URL: " + e.getReason());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw invalid(OAUTH2_TOKEN_URL, "'" + tokenUrl + "' must be an https URL with a host");
        }
        OAuth2 oauth2 = new OAuth2(uri, clientId, Path.of(secretFile), scope == null || scope.isBlank() ? null : scope);
        String secret;
        try {
            secret = oauth2.clientSecret();
        } catch (UncheckedIOException e) {
            throw new InvalidChannelException("channel.settings." + OAUTH2_CLIENT_SECRET_FILE, "cannot read "
                    + secretFile, e);
        }
        if (secret.isEmpty()) {
            throw invalid(OAUTH2_CLIENT_SECRET_FILE, secretFile + " is empty");
        }
        return oauth2;
    }

    private static InvalidChannelException invalid(String setting, String problem) {
        return new InvalidChannelException("channel.settings." + setting, problem);
    }
}
