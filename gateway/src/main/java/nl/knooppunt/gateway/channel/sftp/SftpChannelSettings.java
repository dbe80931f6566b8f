package nl.knooppunt.gateway.channel.sftp;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.InvalidChannelException;

/**
 * An SFTP creditor's channel, typed: read once from the registry entry by {@link #of}, which the
 * start-up check, the upload and the answer route all use. The endpoint {@code sftp://host:port/base}
 * names the creditor's server and the base directory (relative to the login directory); under it:
 * <pre>
 *   base/batches/     batch files from the gateway (+ .p7s signature, + .done when complete)
 *   base/answers/     answer files from the creditor (+ .p7s, + .done); then processed/ or failed/
 *   base/reports/     the gateway's report on every answer file
 * </pre>
 *
 * @param host the server
 * @param port its port (22 when the endpoint names none)
 * @param base the base directory, without leading or trailing slash
 * @param username {@code username}: the account the gateway logs in with (with its key)
 * @param format {@code format}: CSV (default, the contract's CSV layouts) or XML (the contract's batch)
 * @param encryptTo {@code encrypt-to}: PEM file with the creditor's certificate; when set, batch files
 *     are also encrypted to it (CMS EnvelopedData, {@code .p7m}); else null
 * @param answers {@code answers}: ALL_OR_NOTHING (default: a file with any bad line is applied not at
 *     all) or EACH (the good lines are applied, the rest reported)
 */
record SftpChannelSettings(String host, int port, String base, String username, FileFormat format,
                           X509Certificate encryptTo, AnswerMode answers) {

    enum FileFormat {
        CSV("csv"), XML("xml");

        private final String extension;

        FileFormat(String extension) {
            this.extension = extension;
        }

        String extension() {
            return extension;
        }
    }

    enum AnswerMode { ALL_OR_NOTHING, EACH }

    static final String BATCHES = "batches";
    static final String ANSWERS = "answers";
    static final String REPORTS = "reports";
    static final String PROCESSED = "processed";
    static final String FAILED = "failed";

    static final String USERNAME = "username";
    static final String FORMAT = "format";
    static final String ENCRYPT_TO = "encrypt-to";
    static final String ANSWER_MODE = "answers";
    private static final Set<String> KNOWN = Set.of(USERNAME, FORMAT, ENCRYPT_TO, ANSWER_MODE);
    /** POSIX portable user names: what every SFTP server accepts. */
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]{0,63}");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    /** The directory of batch files, from the login directory. */
    String batchDirectory() {
        return base + "/" + BATCHES;
    }

    String answerDirectory() {
        return base + "/" + ANSWERS;
    }

    String reportDirectory() {
        return base + "/" + REPORTS;
    }

    /** @throws InvalidChannelException naming the setting that cannot work */
    static SftpChannelSettings of(CreditorChannel channel) {
        Map<String, String> settings = channel.settings();
        for (String key : settings.keySet()) {
            if (!KNOWN.contains(key)) {
                throw invalid(key, "is not an SFTP channel setting; known: " + String.join(", ", new TreeSet<>(KNOWN)));
            }
        }
        URI uri = URI.create(channel.endpoint());
        if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new InvalidChannelException("channel.endpoint", "'" + channel.endpoint() + "' must be "
                    + "sftp://host[:port]/directory; the user name goes in channel.settings.username");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        if (!PATH.matcher(path).matches()) {
            throw new InvalidChannelException("channel.endpoint", "'" + channel.endpoint() + "' must name a base "
                    + "directory of letters, digits, '.', '_' and '-' (e.g. sftp://sftp.example.nl/knooppunt)");
        }
        if (java.util.Arrays.stream(path.split("/")).anyMatch(part -> part.equals(".") || part.equals(".."))) {
            throw new InvalidChannelException("channel.endpoint", "'" + channel.endpoint() + "' may not use . or ..");
        }
        String username = settings.get(USERNAME);
        if (username == null || !USER.matcher(username).matches()) {
            throw invalid(USERNAME, username == null ? "is needed for an SFTP channel"
                    : "'" + username + "' is not a user name (letters, digits, '.', '_', '-')");
        }
        FileFormat format = choice(settings, FORMAT, FileFormat.class, FileFormat.CSV);
        AnswerMode answers = choice(settings, ANSWER_MODE, AnswerMode.class, AnswerMode.ALL_OR_NOTHING);
        X509Certificate encryptTo = settings.containsKey(ENCRYPT_TO) ? certificate(settings.get(ENCRYPT_TO)) : null;
        return new SftpChannelSettings(uri.getHost(), uri.getPort() < 0 ? 22 : uri.getPort(), path, username,
                format, encryptTo, answers);
    }

    private static <E extends Enum<E>> E choice(Map<String, String> settings, String key, Class<E> type, E fallback) {
        String value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw invalid(key, "'" + value + "' is not one of " + Set.of(type.getEnumConstants()));
        }
    }

    private static X509Certificate certificate(String file) {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw invalid(ENCRYPT_TO, "cannot read " + file);
        }
        try (InputStream in = Files.newInputStream(path)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            certificate.checkValidity();
            return certificate;
        } catch (Exception e) {
            throw new InvalidChannelException("channel.settings." + ENCRYPT_TO, "is not a valid, current X.509 "
                    + "certificate (PEM or DER): " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static InvalidChannelException invalid(String setting, String problem) {
        return new InvalidChannelException("channel.settings." + setting, problem);
    }
}
