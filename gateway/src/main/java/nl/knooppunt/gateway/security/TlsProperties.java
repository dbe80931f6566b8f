package nl.knooppunt.gateway.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's own certificate and what it trusts, for the participant port (mutual TLS) and for
 * calls to creditors. See docs/security.md.
 *
 * @param keyStore PKCS#12 with the gateway's key and certificate chain (PKIoverheid private services)
 * @param keyStorePassword password of the key store and of the key in it
 * @param keyAlias the entry in the key store; empty means the only key entry
 * @param trustStore PKCS#12 with the root CAs participants' certificates must chain to; holding
 *     several roots at once is how a CA change is rolled out
 * @param trustStorePassword password of the trust store
 * @param intermediates certificate files (PEM or DER) of the intermediate CAs that issue participants'
 *     certificates: path material (never trust anchors) to complete the chain of a WS-Security signer
 *     that sends only its own certificate
 * @param crls CRL files (DER or PEM) of every CA in the chains; revocation is checked against them
 * @param protocols TLS versions offered
 * @param ciphers cipher suites offered: only suites with forward secrecy
 * @param watchInterval how often the files are checked for changes; a change is loaded without restart
 * @param expiryWarning the health turns WARNING this long before a configured certificate expires
 */
@ConfigurationProperties("knooppunt.tls")
public record TlsProperties(
        Path keyStore,
        String keyStorePassword,
        String keyAlias,
        Path trustStore,
        String trustStorePassword,
        @DefaultValue List<Path> intermediates,
        @DefaultValue List<Path> crls,
        @DefaultValue({"TLSv1.3", "TLSv1.2"}) List<String> protocols,
        @DefaultValue({
                "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"})
        List<String> ciphers,
        @DefaultValue("10s") Duration watchInterval,
        @DefaultValue("30d") Duration expiryWarning) {

    public char[] keyStorePasswordChars() {
        return keyStorePassword == null ? new char[0] : keyStorePassword.toCharArray();
    }

    public char[] trustStorePasswordChars() {
        return trustStorePassword == null ? new char[0] : trustStorePassword.toCharArray();
    }
}
