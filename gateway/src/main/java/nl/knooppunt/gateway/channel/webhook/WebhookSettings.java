package nl.knooppunt.gateway.channel.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.knooppunt.gateway.registry.ChannelTrustStore;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.InvalidChannelException;

/**
 * An SHV's webhook settings, typed: read from the registry's map by {@link #of}, which the start-up
 * check and the delivery both use. The secret is never part of a message, log line or exception text.
 *
 * @param secret the HMAC-SHA256 key, from {@code secret} or the file named by {@code secret-file}
 *     (one of the two); at least {@link #MIN_SECRET_BYTES} bytes (UTF-8)
 * @param trustStore {@code trust-store}: PKCS#12 trust store for the receiver's server certificate, when it
 *     chains to another CA than participants'; else null
 * @param trustStorePassword {@code trust-store-password}, with a trust store
 */
record WebhookSettings(byte[] secret, Path trustStore, String trustStorePassword) {

    static final String SECRET = "secret";
    static final String SECRET_FILE = "secret-file";
    static final String TRUST_STORE = ChannelTrustStore.TRUST_STORE;
    static final String TRUST_STORE_PASSWORD = ChannelTrustStore.TRUST_STORE_PASSWORD;
    static final int MIN_SECRET_BYTES = 32;
    /** A webhook is prompt: a notification waits at most this long for its batch. */
    static final Duration LONGEST_MAX_WAIT = Duration.ofMinutes(1);
    private static final Set<String> KNOWN = Set.of(SECRET, SECRET_FILE, TRUST_STORE, TRUST_STORE_PASSWORD);

    /** @throws InvalidChannelException naming the setting that cannot work (never its value) */
    static WebhookSettings of(CreditorChannel channel) {
        Map<String, String> settings = channel.settings();
        for (String key : settings.keySet()) {
            if (!KNOWN.contains(key)) {
                throw invalid(key, "is not a WEBHOOK channel setting; known: " + String.join(", ", new TreeSet<>(KNOWN)));
            }
        }
        if (channel.maxWait().compareTo(LONGEST_MAX_WAIT) > 0) {
            throw new InvalidChannelException("channel.max-wait", "a WEBHOOK channel sends within "
                    + LONGEST_MAX_WAIT.toSeconds() + " seconds at most; leave it out (5 s) or make it shorter");
        }
        byte[] secret = secret(settings);
        ChannelTrustStore trustStore = ChannelTrustStore.of(settings);
        return trustStore == null ? new WebhookSettings(secret, null, null)
                : new WebhookSettings(secret, trustStore.path(), trustStore.password());
    }

    private static byte[] secret(Map<String, String> settings) {
        String inline = settings.get(SECRET);
        String file = settings.get(SECRET_FILE);
        if ((inline == null) == (file == null)) {
            throw invalid(SECRET, "give exactly one of secret and secret-file: the per-SHV key the webhooks are "
                    + "signed with, at least " + MIN_SECRET_BYTES + " bytes");
        }
        String value;
        String field = inline != null ? SECRET : SECRET_FILE;
        if (inline != null) {
            value = inline;
        } else {
            try {
                value = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw invalid(SECRET_FILE, "cannot read " + file);
            }
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            // The length only: the value is never shown.
            throw invalid(field, "is " + bytes.length + " bytes; a webhook secret must have at least "
                    + MIN_SECRET_BYTES + " (e.g. openssl rand -hex 32)");
        }
        return bytes;
    }

    private static InvalidChannelException invalid(String setting, String problem) {
        return new InvalidChannelException("channel.settings." + setting, problem);
    }

    // A record's generated toString would print the secret.
    @Override
    public String toString() {
        return "WebhookSettings[secret=(hidden), trustStore=" + trustStore + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSettings s && java.util.Arrays.equals(secret, s.secret)
                && java.util.Objects.equals(trustStore, s.trustStore)
                && java.util.Objects.equals(trustStorePassword, s.trustStorePassword);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(java.util.Arrays.hashCode(secret), trustStore, trustStorePassword);
    }
}
