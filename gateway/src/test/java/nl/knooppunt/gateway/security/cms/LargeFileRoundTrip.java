package nl.knooppunt.gateway.security.cms;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.certs.KeyStores;

/**
 * Sign, verify, encrypt to a file, decrypt to a file and verify the decrypted file, for a generated
 * content of a given size. Run in the test JVM and, through {@link #main}, in a JVM with a small heap.
 */
final class LargeFileRoundTrip {

    private LargeFileRoundTrip() {
    }

    static List<String> run(CmsIdentity sender, CmsIdentity recipient, KeyStore trustStore, List<X509CRL> crls,
                            Path workDirectory, long size, long seed) throws Exception {
        List<String> report = new ArrayList<>();
        CmsVerifier verifier = new CmsVerifier(trustStore, crls, Clock.systemUTC());

        long start = System.nanoTime();
        byte[] p7s = new CmsSigner(sender).signDetached(new GeneratedContent(size, seed));
        start = step(report, "sign", start);

        verifier.verifyDetached(new GeneratedContent(size, seed), p7s);
        start = step(report, "verify", start);

        Path encrypted = workDirectory.resolve("batch.p7m");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(encrypted), Streams.BUFFER_SIZE)) {
            new CmsEncryptor().encrypt(new GeneratedContent(size, seed), out, recipient.certificate());
        }
        start = step(report, "encrypt", start);

        Path decrypted = workDirectory.resolve("batch.xml");
        try (InputStream in = Files.newInputStream(encrypted); OutputStream out = Files.newOutputStream(decrypted)) {
            new CmsDecryptor(recipient).decrypt(in, out);
        }
        start = step(report, "decrypt", start);

        try (InputStream in = Files.newInputStream(decrypted)) {
            verifier.verifyDetached(in, p7s);
        }
        step(report, "verify decrypted", start);

        if (Files.size(decrypted) != size || Files.size(encrypted) <= size) {
            throw new AssertionError("sizes: decrypted " + Files.size(decrypted) + ", encrypted " + Files.size(encrypted));
        }
        report.add("OK " + size + " bytes, signature " + p7s.length + " bytes, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        return report;
    }

    private static long step(List<String> report, String name, long start) {
        long now = System.nanoTime();
        report.add(name + ": " + (now - start) / 1_000_000 + " ms");
        return now;
    }

    /** Arguments: dev PKI directory, work directory, size, seed. Prints the report; exits non-zero on failure. */
    public static void main(String[] args) throws Exception {
        Path pki = Path.of(args[0]);
        char[] password = CmsTestPki.PASSWORD.toCharArray();
        CmsIdentity sender = CmsIdentity.fromKeyStore(KeyStores.loadPkcs12(
                pki.resolve("participants").resolve(CmsTestPki.RSA + ".p12"), password), CmsTestPki.RSA, password);
        CmsIdentity recipient = CmsIdentity.fromKeyStore(KeyStores.loadPkcs12(
                pki.resolve("participants").resolve(CmsTestPki.EC + ".p12"), password), CmsTestPki.EC, password);
        KeyStore trust = KeyStores.loadPkcs12(pki.resolve("truststore.p12"), password);
        List<X509CRL> crls = List.of(KeyStores.readCrl(pki.resolve("ca").resolve("root-ca.crl")),
                KeyStores.readCrl(pki.resolve("ca").resolve("intermediate-ca.crl")));

        List<String> report = run(sender, recipient, trust, crls, Path.of(args[1]), Long.parseLong(args[2]),
                Long.parseLong(args[3]));
        System.out.println(String.join("\n", report));
    }
}
