package nl.knooppunt.certs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM copies of certificates and CRLs (never of private keys: those stay inside the PKCS#12 stores). */
final class PemFiles {

    private PemFiles() {
    }

    /** Writes the objects (certificates or CRLs) as consecutive PEM blocks. */
    static void write(Path file, Object... certificatesOrCrls) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : certificatesOrCrls) {
                if (object instanceof PrivateKey) {
                    throw new IllegalArgumentException("Private keys are only written inside PKCS#12 stores");
                }
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode " + file, e);
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.US_ASCII), false);
    }
}
