package nl.knooppunt.gateway.channel.sftp;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's side of every SFTP connection, under {@code knooppunt.sftp}. Each creditor's own
 * settings (user, directories, format) are in its registry entry ({@link SftpChannelSettings}).
 *
 * @param privateKey the gateway's SSH private key (OpenSSH or PEM, without passphrase; keep the file
 *     readable by the gateway only): the gateway logs in with it, never with a password
 * @param knownHosts the {@code known_hosts} file with every creditor server's host key; a server whose
 *     key is not in it, or differs, is refused (strict host-key checking; there is no "accept any")
 * @param connectTimeout connecting and logging in to a creditor's server
 * @param readTimeout the longest silence from the server during a transfer, after which the
 *     attempt fails (and is retried): a hung server never blocks a route
 * @param keepAlive interval of SSH keep-alive messages on an open connection
 * @param keepAliveCountMax unanswered keep-alive messages after which the connection counts as dead
 * @param pollInterval how often each creditor's answer directory is looked at
 * @param workDirectory local directory for batch files being written and answer files being read
 */
@ConfigurationProperties("knooppunt.sftp")
public record SftpProperties(
        Path privateKey,
        Path knownHosts,
        @DefaultValue("15s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("15s") Duration keepAlive,
        @DefaultValue("3") int keepAliveCountMax,
        @DefaultValue("30s") Duration pollInterval,
        Path workDirectory) {

    public SftpProperties {
        for (Duration d : new Duration[] {connectTimeout, readTimeout, keepAlive, pollInterval}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("knooppunt.sftp durations must be positive");
            }
        }
        if (keepAliveCountMax < 1) {
            throw new IllegalArgumentException("knooppunt.sftp.keep-alive-count-max must be at least 1");
        }
        if (workDirectory == null) {
            workDirectory = Path.of(System.getProperty("java.io.tmpdir"), "knooppunt-sftp");
        }
    }
}
