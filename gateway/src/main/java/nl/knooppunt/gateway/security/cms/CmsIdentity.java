package nl.knooppunt.gateway.security.cms;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A private key and its certificate chain (leaf first): what signs ({@link CmsSigner}) and what
 * decrypts ({@link CmsDecryptor}).
 */
public record CmsIdentity(PrivateKey privateKey, List<X509Certificate> chain) {

    public CmsIdentity {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("The certificate chain must hold at least the key's own certificate");
        }
    }

    /** Loads the private key entry {@code alias} of a (PKCS#12) key store, with its chain. */
    public static CmsIdentity fromKeyStore(KeyStore store, String alias, char[] keyPassword)
            throws GeneralSecurityException {
        Key key = store.getKey(alias, keyPassword);
        if (!(key instanceof PrivateKey privateKey)) {
            throw new IllegalArgumentException("Key store has no private key entry under alias '" + alias + "'");
        }
        Certificate[] certificates = store.getCertificateChain(alias);
        if (certificates == null || certificates.length == 0) {
            throw new IllegalArgumentException("Key store has no certificate chain under alias '" + alias + "'");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : certificates) {
            chain.add((X509Certificate) certificate);
        }
        return new CmsIdentity(privateKey, chain);
    }

    /** The key's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    X509Certificate[] chainArray() {
        return chain.toArray(X509Certificate[]::new);
    }

    @Override
    public String toString() {
        // Never the key, nor the subject (a personal certificate's subject is personal data).
        return "CmsIdentity[certificate serial " + certificate().getSerialNumber().toString(16) + "]";
    }
}
