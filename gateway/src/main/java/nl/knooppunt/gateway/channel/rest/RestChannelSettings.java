package nl.knooppunt.gateway.channel.rest;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 */
record RestChannelSettings(Path trustStore, String trustStorePassword) {

    static final String TRUST_STORE = "trust-store";
    static final String TRUST_STORE_PASSWORD = "trust-store-password";
    private static final Set<String> KNOWN = Set.of(TRUST_STORE, TRUST_STORE_PASSWORD);

    /** @throws InvalidChannelException naming the setting that cannot work */
    static RestChannelSettings of(CreditorChannel channel) {
        Map<String, String> settings = channel.settings();
        for (String key : settings.keySet()) {
            if (!KNOWN.contains(key)) {
                throw invalid(key, "is not a REST channel setting; known: " + String.join(", ", new TreeSet<>(KNOWN)));
            }
        }
        String trustStore = settings.get(TRUST_STORE);
        String password = settings.get(TRUST_STORE_PASSWORD);
        if (trustStore == null) {
            if (password != null) {
                throw invalid(TRUST_STORE_PASSWORD, "is only used with a trust-store");
            }
            return new RestChannelSettings(null, null);
        }
        if (password == null) {
            throw invalid(TRUST_STORE_PASSWORD, "is needed with a trust-store");
        }
        Path path = Path.of(trustStore);
        if (!Files.isReadable(path)) {
            throw invalid(TRUST_STORE, "cannot read " + trustStore);
        }
        // Opened here, so that a wrong password or a file of another kind stops the start, not the first send.
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            if (store.size() == 0) {
                throw invalid(TRUST_STORE, trustStore + " holds no certificate");
            }
        } catch (InvalidChannelException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidChannelException("channel.settings." + TRUST_STORE, "cannot be opened as PKCS#12 with "
                    + "the trust-store-password: " + trustStore + " (" + e.getMessage() + ")", e);
        }
        return new RestChannelSettings(path, password);
    }

    private static InvalidChannelException invalid(String setting, String problem) {
        return new InvalidChannelException("channel.settings." + setting, problem);
    }
}
