package nl.knooppunt.gateway.channel.soap;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import nl.knooppunt.gateway.security.TlsMaterial;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.springframework.stereotype.Component;

/**
 * WS-Security material and settings of the SOAP channel, built from the same key store, trust store
 * and CRLs as TLS (so a CA rotation or new certificate reaches both), in the style of Digikoppeling
 * WUS: X.509 signatures (RSA-SHA256 or ECDSA-SHA256) over the body, the timestamp and the addressing
 * headers, the signer's certificate path carried along (a signer that sends only its own certificate
 * has its path completed from the configured intermediates); optional AES-256-GCM encryption of the
 * body with RSA-OAEP key transport.
 */
@Component
public class WsSecurity {

    static final String SIGNING_CRYPTO = "knooppunt.signingCrypto";
    static final String TRUST_CRYPTO = "knooppunt.trustCrypto";
    static final String ENCRYPTION_CRYPTO = "knooppunt.encryptionCrypto";

    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final String WSA = "http://www.w3.org/2005/08/addressing";

    private final TlsMaterial tls;
    private final SoapProperties properties;
    private volatile Material material;

    private record Material(int version, Merlin signing, Merlin trust, String alias, boolean ecKey) {}

    WsSecurity(TlsMaterial tls, SoapProperties properties) {
        this.tls = tls;
        this.properties = properties;
    }

    /** Settings to sign (and, with a recipient certificate, encrypt) an outgoing message. */
    public Map<String, Object> outgoing(SecurityProfile profile, X509Certificate encryptFor) {
        Material m = material();
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConfigurationConstants.ACTION, profile.wss4jActions());
        settings.put(ConfigurationConstants.USER, m.alias());
        settings.put(ConfigurationConstants.SIG_PROP_REF_ID, SIGNING_CRYPTO);
        settings.put(SIGNING_CRYPTO, m.signing());
        settings.put(ConfigurationConstants.PW_CALLBACK_REF, passwords());
        // The whole certificate path travels with the signature: receivers trust only the roots.
        settings.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
        settings.put(ConfigurationConstants.USE_SINGLE_CERTIFICATE, "false");
        settings.put(ConfigurationConstants.SIG_ALGO, m.ecKey()
                ? "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
                : "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        settings.put(ConfigurationConstants.SIG_DIGEST_ALGO, "http://www.w3.org/2001/04/xmlenc#sha256");
        settings.put(ConfigurationConstants.SIGNATURE_PARTS,
                "{Element}{" + WSU + "}Timestamp;{Element}{" + SOAP11 + "}Body");
        settings.put(ConfigurationConstants.OPTIONAL_SIGNATURE_PARTS, "{Element}{" + WSA + "}To;{Element}{" + WSA
                + "}Action;{Element}{" + WSA + "}MessageID;{Element}{" + WSA + "}RelatesTo;{Element}{" + WSA + "}ReplyTo");
        settings.put(ConfigurationConstants.TTL_TIMESTAMP, String.valueOf(properties.timestampTtl().toSeconds()));
        if (profile.encrypts()) {
            if (encryptFor == null) {
                throw new IllegalStateException("Profile 2W-be-SE needs the receiver's certificate");
            }
            settings.put(ConfigurationConstants.ENCRYPTION_USER, ENCRYPTION_ALIAS);
            settings.put(ConfigurationConstants.ENC_PROP_REF_ID, ENCRYPTION_CRYPTO);
            settings.put(ENCRYPTION_CRYPTO, recipientCrypto(encryptFor));
            settings.put(ConfigurationConstants.ENC_KEY_ID, "DirectReference");
            settings.put(ConfigurationConstants.ENC_SYM_ALGO, "http://www.w3.org/2009/xmlenc11#aes256-gcm");
            settings.put(ConfigurationConstants.ENC_KEY_TRANSPORT, "http://www.w3.org/2009/xmlenc11#rsa-oaep");
            settings.put(ConfigurationConstants.ENCRYPTION_PARTS, "{Content}{" + SOAP11 + "}Body");
        }
        return settings;
    }

    /** Settings to verify (and decrypt) an incoming message: signed by a trusted, unrevoked certificate. */
    public Map<String, Object> incoming(SecurityProfile profile) {
        Material m = material();
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConfigurationConstants.ACTION, profile.wss4jActions());
        settings.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, TRUST_CRYPTO);
        settings.put(TRUST_CRYPTO, m.trust());
        settings.put(ConfigurationConstants.ENABLE_REVOCATION, "true");
        settings.put(ConfigurationConstants.TTL_TIMESTAMP, String.valueOf(properties.timestampTtl().toSeconds()));
        settings.put(ConfigurationConstants.TIMESTAMP_STRICT, "true");
        settings.put(ConfigurationConstants.DEC_PROP_REF_ID, SIGNING_CRYPTO);
        settings.put(SIGNING_CRYPTO, m.signing());
        settings.put(ConfigurationConstants.PW_CALLBACK_REF, passwords());
        settings.put(ConfigurationConstants.ALLOW_RSA15_KEY_TRANSPORT_ALGORITHM, "false");
        return settings;
    }

    private static final String ENCRYPTION_ALIAS = "recipient";

    private static Crypto recipientCrypto(X509Certificate recipient) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(ENCRYPTION_ALIAS, recipient);
            Merlin crypto = new Merlin();
            crypto.setKeyStore(store);
            return crypto;
        } catch (Exception e) {
            throw new IllegalStateException("The receiver's encryption certificate cannot be used", e);
        }
    }

    /** Answers WSS4J's question for the private key password with the key store password. */
    private CallbackHandler passwords() {
        return (Callback[] callbacks) -> {
            for (Callback callback : callbacks) {
                if (callback instanceof WSPasswordCallback password) {
                    password.setPassword(tls.properties().keyStorePassword());
                }
            }
        };
    }

    private Material material() {
        Material current = material;
        if (current == null || current.version() != tls.version()) {
            current = build();
            material = current;
        }
        return current;
    }

    private synchronized Material build() {
        try {
            KeyStore keys = tls.keyStore();
            String alias = tls.properties().keyAlias() != null && !tls.properties().keyAlias().isBlank()
                    ? tls.properties().keyAlias()
                    : Collections.list(keys.aliases()).stream().filter(a -> isKey(keys, a)).findFirst().orElseThrow();
            PrivateKey key = (PrivateKey) keys.getKey(alias, tls.properties().keyStorePasswordChars());
            Merlin signing = new Merlin();
            signing.setKeyStore(keys);
            Merlin trust = new ChainCompletingCrypto(tls.intermediates());
            trust.setTrustStore(tls.trustStore());
            List<X509Certificate> none = List.of();
            trust.setCRLCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(
                    tls.hasCrls() ? tls.crls() : none)));
            return new Material(tls.version(), signing, trust, alias, key instanceof ECKey);
        } catch (Exception e) {
            throw new IllegalStateException("WS-Security material cannot be built from the TLS files", e);
        }
    }

    private static boolean isKey(KeyStore keys, String alias) {
        try {
            return keys.isKeyEntry(alias);
        } catch (KeyStoreException e) {
            return false;
        }
    }
}
