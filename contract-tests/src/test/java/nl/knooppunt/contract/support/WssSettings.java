package nl.knooppunt.contract.support;

import java.security.KeyStore;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.callback.Callback;
import nl.knooppunt.certs.KeyStores;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;

/**
 * WS-Security settings of the test peers (creditors' systems), written independently of the
 * gateway's own code: Digikoppeling WUS 2W-be-S, optionally with encryption (2W-be-SE).
 */
public final class WssSettings {

    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String WSA = "http://www.w3.org/2005/08/addressing";
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private WssSettings() {}

    /** Sign as the participant (its key from the contract PKI); encrypt to {@code encryptFor} when given. */
    public static Map<String, Object> signing(String participant, X509Certificate encryptFor) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConfigurationConstants.ACTION, "Timestamp Signature" + (encryptFor != null ? " Encryption" : ""));
        settings.put(ConfigurationConstants.USER, participant);
        settings.put(ConfigurationConstants.SIG_PROP_REF_ID, "signing");
        settings.put("signing", keyCrypto(participant));
        settings.put(ConfigurationConstants.PW_CALLBACK_REF, passwords());
        settings.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
        settings.put(ConfigurationConstants.USE_SINGLE_CERTIFICATE, "false");
        boolean ec = ContractPki.PKI.participant(participant).keyType().name().startsWith("EC");
        settings.put(ConfigurationConstants.SIG_ALGO, ec ? "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
                : "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        settings.put(ConfigurationConstants.SIG_DIGEST_ALGO, "http://www.w3.org/2001/04/xmlenc#sha256");
        settings.put(ConfigurationConstants.SIGNATURE_PARTS, "{Element}{" + WSU + "}Timestamp;{Element}{" + SOAP11 + "}Body");
        // The addressing headers the message has are signed too: the gateway refuses them unsigned.
        settings.put(ConfigurationConstants.OPTIONAL_SIGNATURE_PARTS, "{Element}{" + WSA + "}To;{Element}{" + WSA
                + "}Action;{Element}{" + WSA + "}MessageID;{Element}{" + WSA + "}RelatesTo;{Element}{" + WSA + "}ReplyTo");
        if (encryptFor != null) {
            settings.put(ConfigurationConstants.ENCRYPTION_USER, "recipient");
            settings.put(ConfigurationConstants.ENC_PROP_REF_ID, "recipient");
            settings.put("recipient", recipientCrypto(encryptFor));
            settings.put(ConfigurationConstants.ENC_KEY_ID, "DirectReference");
            settings.put(ConfigurationConstants.ENC_SYM_ALGO, "http://www.w3.org/2009/xmlenc11#aes256-gcm");
            settings.put(ConfigurationConstants.ENC_KEY_TRANSPORT, "http://www.w3.org/2009/xmlenc11#rsa-oaep");
            settings.put(ConfigurationConstants.ENCRYPTION_PARTS, "{Content}{" + SOAP11 + "}Body");
        }
        return settings;
    }

    /** A careless signer: the Timestamp signed, the Body and the addressing headers not. */
    public static Map<String, Object> signingOnlyTheTimestamp(String participant) {
        Map<String, Object> settings = signing(participant, null);
        settings.put(ConfigurationConstants.SIGNATURE_PARTS, "{Element}{" + WSU + "}Timestamp");
        settings.remove(ConfigurationConstants.OPTIONAL_SIGNATURE_PARTS);
        return settings;
    }

    /** Verify signatures against the dev root with revocation; decrypt with the participant's key when asked. */
    public static Map<String, Object> verifying(String participant, boolean decrypt) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConfigurationConstants.ACTION, "Timestamp Signature" + (decrypt ? " Encryption" : ""));
        settings.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, "trust");
        settings.put("trust", trustCrypto());
        settings.put(ConfigurationConstants.ENABLE_REVOCATION, "true");
        settings.put(ConfigurationConstants.DEC_PROP_REF_ID, "decryption");
        settings.put("decryption", keyCrypto(participant));
        settings.put(ConfigurationConstants.PW_CALLBACK_REF, passwords());
        return settings;
    }

    public static X509Certificate certificate(String participant) {
        return KeyStores.readCertificates(ContractPki.PKI.participant(participant).certificatePem()).get(0);
    }

    public static X509Certificate gatewayCertificate() {
        return KeyStores.readCertificates(ContractPki.PKI.server().certificatePem()).get(0);
    }

    static Merlin keyCrypto(String participant) {
        Merlin crypto = new Merlin();
        crypto.setKeyStore(ContractPki.keyStore(participant));
        return crypto;
    }

    static Merlin trustCrypto() {
        try {
            Merlin crypto = new Merlin();
            crypto.setTrustStore(ContractPki.trustStore());
            crypto.setCRLCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(
                    ContractPki.PKI.crls().stream().map(KeyStores::readCrl).toList())));
            return crypto;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Merlin recipientCrypto(X509Certificate recipient) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("recipient", recipient);
            Merlin crypto = new Merlin();
            crypto.setKeyStore(store);
            return crypto;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static javax.security.auth.callback.CallbackHandler passwords() {
        return (Callback[] callbacks) -> {
            for (Callback callback : callbacks) {
                if (callback instanceof WSPasswordCallback password) {
                    password.setPassword(ContractPki.PASSWORD);
                }
            }
        };
    }
}
