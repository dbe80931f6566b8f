package nl.knooppunt.gateway.support;

import com.jcraft.jsch.JSch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server for tests (Apache MINA SSHD) on a random local port, serving a temporary
 * directory as its root. It accepts one user with one key (generated here, written where the
 * gateway's {@code knooppunt.sftp.private-key} can point) and has its own host key, written as a
 * {@code known_hosts} line. {@link #stallWrites()} makes every upload hang until {@link #resume()}.
 */
public final class SftpTestServer implements AutoCloseable {

    public static final String USER = "knooppunt";

    private final Path root;
    private final Path privateKey;
    private final Path knownHosts;
    private final KeyPair hostKey;
    private final SshServer server;
    private volatile CountDownLatch stall = new CountDownLatch(0);

    private SftpTestServer(Path directory) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        // Absolute: MINA's virtual file system lists a relative root as "No such file".
        this.root = Files.createDirectories(directory.resolve("root")).toAbsolutePath();
        this.privateKey = directory.resolve("gateway_ecdsa");
        this.knownHosts = directory.resolve("known_hosts");
        PublicKey clientKey = writeClientKey(privateKey);
        this.hostKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        this.server = SshServer.setUpDefaultServer();
        server.setHost("localhost");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user) && KeyUtils.compareKeys(key, clientKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                                byte[] data, int dataOffset, int dataLen) {
                awaitStall();
            }
        });
        server.setSubsystemFactories(List.of(sftp));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        Files.writeString(knownHosts, knownHostsLine(hostKey.getPublic()), StandardCharsets.US_ASCII);
    }

    /** Starts a server in {@code directory} (which gets {@code root/}, the client key and {@code known_hosts}). */
    public static SftpTestServer start(Path directory) {
        try {
            return new SftpTestServer(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The directory the server serves as its root (and the login directory of {@link #USER}). */
    public Path root() {
        return root;
    }

    /** The gateway's private key (OpenSSH format, written by JSch), accepted for {@link #USER}. */
    public Path privateKey() {
        return privateKey;
    }

    /** A {@code known_hosts} file with this server's host key. */
    public Path knownHosts() {
        return knownHosts;
    }

    /** The endpoint of a creditor on this server: {@code sftp://localhost:<port>/<base>}. */
    public String endpoint(String base) {
        return "sftp://localhost:" + port() + "/" + base;
    }

    /** Writes a {@code known_hosts} file that names this server with another key: a server impersonated. */
    public Path knownHostsWithAnotherKey(Path file) {
        try {
            KeyPair other = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
            Files.writeString(file, knownHostsLine(other.getPublic()), StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * From now on, the most files open at once on this server, over all sessions: uploads that ran side
     * by side show as more than one.
     */
    public java.util.function.IntSupplier maxFilesOpenAtOnce() {
        java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger max = new java.util.concurrent.atomic.AtomicInteger();
        SftpSubsystemFactory sftp = (SftpSubsystemFactory) server.getSubsystemFactories().get(0);
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void open(ServerSession session, String remoteHandle, org.apache.sshd.sftp.server.Handle localHandle) {
                if (localHandle instanceof FileHandle) {
                    max.accumulateAndGet(open.incrementAndGet(), Math::max);
                }
            }

            @Override
            public void closed(ServerSession session, String remoteHandle, org.apache.sshd.sftp.server.Handle localHandle,
                               Throwable thrown) {
                if (localHandle instanceof FileHandle) {
                    open.decrementAndGet();
                }
            }
        });
        return max::get;
    }

    /** From now on every write to a file blocks (a hung server) until {@link #resume()}. */
    public void stallWrites() {
        stall = new CountDownLatch(1);
    }

    public void resume() {
        stall.countDown();
    }

    private void awaitStall() {
        try {
            stall.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        resume();
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String knownHostsLine(PublicKey key) {
        return "[localhost]:" + port() + " " + PublicKeyEntry.toString(key) + "\n";
    }

    /** A client key pair written by JSch itself, so the gateway's SSH library surely reads it. */
    private static PublicKey writeClientKey(Path file) throws IOException, GeneralSecurityException {
        try {
            com.jcraft.jsch.KeyPair pair = com.jcraft.jsch.KeyPair.genKeyPair(new JSch(), com.jcraft.jsch.KeyPair.ECDSA, 256);
            pair.writePrivateKey(file.toString());
            ByteArrayOutputStream publicKey = new ByteArrayOutputStream();
            pair.writePublicKey(publicKey, "knooppunt-test");
            pair.dispose();
            return AuthorizedKeyEntry.parseAuthorizedKeyEntry(publicKey.toString(StandardCharsets.US_ASCII).trim())
                    .resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
        } catch (com.jcraft.jsch.JSchException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
