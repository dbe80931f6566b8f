package nl.knooppunt.gateway.security.cms;

import java.security.GeneralSecurityException;
import java.security.Provider;
import javax.crypto.Cipher;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Which JCA providers do what. Bouncy Castle does the small asymmetric operations (RSA-PSS naming,
 * ECDH with a KDF, which the JDK lacks); the JDK does the bulk work (SHA-256, AES-CBC), because its
 * intrinsics are several times faster on files of hundreds of megabytes. Bouncy Castle is used as an
 * instance, never registered globally, so nothing else in the JVM changes behaviour.
 */
final class Providers {

    /** Signatures, key transport and key agreement. */
    static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private Providers() {
    }

    /** SHA-2 digests of the content, from the JDK. */
    static DigestCalculatorProvider contentDigests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("No digest provider", e);
        }
    }

    /** The provider that the JCA picks for AES-CBC (the JDK's, with AES-NI), to decrypt content with. */
    static Provider contentCipher() {
        try {
            return Cipher.getInstance("AES/CBC/PKCS5Padding").getProvider();
        } catch (GeneralSecurityException e) {
            return BOUNCY_CASTLE;
        }
    }
}
