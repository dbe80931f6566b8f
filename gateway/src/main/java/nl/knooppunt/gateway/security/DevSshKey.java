package nl.knooppunt.gateway.security;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * For development only, beside the development PKI: the gateway's SSH key for SFTP creditors
 * (generated once, by the SSH library the gateway uses) and a {@code known_hosts} file that trusts
 * no server yet — add a development SFTP server's host key to it to deliver there.
 */
final class DevSshKey {

    static final String PRIVATE_KEY = "gateway_ecdsa";
    static final String PUBLIC_KEY = "gateway_ecdsa.pub";
    static final String KNOWN_HOSTS = "known_hosts";

    private DevSshKey() {
    }

    /** @return the directory holding {@link #PRIVATE_KEY}, {@link #PUBLIC_KEY} and {@link #KNOWN_HOSTS} */
    static Path generateIfAbsent(Path directory) {
        try {
            Files.createDirectories(directory);
            Path privateKey = directory.resolve(PRIVATE_KEY);
            if (!Files.exists(privateKey)) {
                KeyPair pair = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
                try (OutputStream out = Files.newOutputStream(privateKey)) {
                    pair.writePrivateKey(out);
                }
                try (OutputStream out = Files.newOutputStream(directory.resolve(PUBLIC_KEY))) {
                    pair.writePublicKey(out, "knooppunt-dev-gateway");
                }
                pair.dispose();
                restrict(privateKey);
            }
            Path knownHosts = directory.resolve(KNOWN_HOSTS);
            if (!Files.exists(knownHosts)) {
                Files.writeString(knownHosts, "# Host keys of the SFTP servers the development gateway may deliver to,\n"
                        + "# one per line: [host]:port key-type base64-key (ssh-keyscan -p PORT host prints them).\n",
                        StandardCharsets.US_ASCII);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("The development SSH key cannot be written in " + directory, e);
        } catch (JSchException e) {
            throw new IllegalStateException("The development SSH key cannot be generated", e);
        }
    }

    private static void restrict(Path privateKey) throws IOException {
        try {
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's own permissions apply.
        }
    }
}
