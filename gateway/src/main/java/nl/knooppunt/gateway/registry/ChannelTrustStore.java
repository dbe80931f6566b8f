package nl.knooppunt.gateway.registry;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;

/**
 * The settings {@code trust-store} and {@code trust-store-password} of a channel that calls the
 * participant's HTTPS server (REST, webhooks): a PKCS#12 file with the certificates its server
 * certificate must chain to, when that is not the gateway's own trust store. Checked once, at start-up:
 * the file is opened with the password and must hold a certificate, so a wrong password or a file of
 * another kind stops the start instead of failing the first send.
 *
 * @param path the trust store file
 * @param password its password
 */
public record ChannelTrustStore(Path path, String password) {

    public static final String TRUST_STORE = "trust-store";
    public static final String TRUST_STORE_PASSWORD = "trust-store-password";

    /**
     * @return the channel's own trust store, or null when it has none (the gateway's trust store applies)
     * @throws InvalidChannelException naming the setting that cannot work
     */
    public static ChannelTrustStore of(Map<String, String> settings) {
        String trustStore = settings.get(TRUST_STORE);
        String password = settings.get(TRUST_STORE_PASSWORD);
        if (trustStore == null) {
            if (password != null) {
                throw invalid(TRUST_STORE_PASSWORD, "is only used with a trust-store");
            }
            return null;
        }
        if (password == null) {
            throw invalid(TRUST_STORE_PASSWORD, "is needed with a trust-store");
        }
        Path path = Path.of(trustStore);
        if (!Files.isReadable(path)) {
            throw invalid(TRUST_STORE, "cannot read " + trustStore);
        }
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
                    + "the trust-store-password: " + trustStore + " (" + e.getClass().getSimpleName() + ")", e);
        }
        return new ChannelTrustStore(path, password);
    }

    private static InvalidChannelException invalid(String setting, String problem) {
        return new InvalidChannelException("channel.settings." + setting, problem);
    }
}
