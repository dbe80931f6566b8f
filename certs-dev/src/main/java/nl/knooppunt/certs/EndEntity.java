package nl.knooppunt.certs;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;

/**
 * One end-entity certificate of the dev PKI and where its files are.
 *
 * @param name           the entity's name: participant name, {@code gateway}, {@code expired}, ...
 * @param kind           what the certificate is for
 * @param oin            OIN in the subject serialNumber
 * @param keyType        key algorithm and size
 * @param alias          alias of the key entry in {@link #keyStore()} (equal to the name)
 * @param keyStore       PKCS#12 with the private key and the full chain up to the root
 * @param certificatePem the certificate alone, PEM
 * @param chainPem       the certificate followed by its issuing CA and the root, PEM: what a TLS client
 *                       presents, and what a signer that sends one certificate must have completed
 * @param subject        subject DN, RFC 2253 with serialNumber spelled {@code SERIALNUMBER}
 * @param serialNumber   certificate serial number
 * @param notBefore      start of validity
 * @param notAfter       end of validity
 */
public record EndEntity(String name, EntityKind kind, String oin, KeyType keyType, String alias, Path keyStore,
                        Path certificatePem, Path chainPem, String subject, BigInteger serialNumber, Instant notBefore,
                        Instant notAfter) {

    /** Loads {@link #keyStore()} with the PKI's password. */
    public KeyStore loadKeyStore(char[] password) {
        return KeyStores.loadPkcs12(keyStore, password);
    }
}
