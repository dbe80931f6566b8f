package nl.knooppunt.gateway.channel.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.knooppunt.gateway.registry.InvalidChannelException;
import org.springframework.stereotype.Component;

/**
 * One rule for how the gateway connects to a creditor's SFTP server, used by the upload of batch
 * files, the polling of answer files and the upload of reports: key-based login, strict host-key
 * checking against the configured {@code known_hosts} only (never the user's own file, never "accept
 * any"), connect and read timeouts and keep-alive, so that a hung server fails an attempt instead of
 * blocking a route.
 */
@Component
class SftpConnections {

    private final SftpProperties properties;

    SftpConnections(SftpProperties properties) {
        this.properties = properties;
    }

    /**
     * The Camel {@code sftp:} URI of a directory on the creditor's server, with the connection options;
     * callers add their own options after it with {@code &}.
     *
     * @param directory from the login directory, e.g. {@link SftpChannelSettings#batchDirectory()}
     */
    String uri(SftpChannelSettings creditor, String directory) {
        return "sftp://" + creditor.host() + ":" + creditor.port() + "/" + directory
                + "?username=" + creditor.username()
                + "&privateKeyFile=" + properties.privateKey().toAbsolutePath()
                + "&knownHostsFile=" + properties.knownHosts().toAbsolutePath()
                + "&useUserKnownHostsFile=false&strictHostKeyChecking=yes"
                + "&connectTimeout=" + properties.connectTimeout().toMillis()
                + "&soTimeout=" + properties.readTimeout().toMillis()
                + "&serverAliveInterval=" + properties.keepAlive().toMillis()
                + "&serverAliveCountMax=" + properties.keepAliveCountMax()
                + "&throwExceptionOnConnectFailed=true";
    }

    /**
     * Checks, when the gateway starts with an SFTP creditor registered, that the gateway has what
     * every SFTP connection needs.
     *
     * @throws InvalidChannelException naming the missing or unreadable file
     */
    void checkConfigured() {
        check(properties.privateKey(), "knooppunt.sftp.private-key", "the gateway's SSH private key");
        check(properties.knownHosts(), "knooppunt.sftp.known-hosts", "the known_hosts file with the creditors' host keys");
    }

    private static void check(Path file, String property, String what) {
        if (file == null) {
            throw new InvalidChannelException(property, "is needed when an SFTP creditor is registered: " + what);
        }
        if (!Files.isReadable(file)) {
            throw new InvalidChannelException(property, "cannot read " + file.toAbsolutePath() + " (" + what + ")");
        }
    }
}
