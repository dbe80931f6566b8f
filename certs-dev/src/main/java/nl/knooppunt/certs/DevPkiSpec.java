package nl.knooppunt.certs;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;

/**
 * What dev PKI to generate: where, with which password, for which participants and hosts.
 *
 * <p>Everything except the output directory has a dev default. Build with {@link #builder(Path)}.
 */
public final class DevPkiSpec {

    /** Password of every key and trust store unless the caller picks another. Dev only. */
    public static final String DEFAULT_PASSWORD = "changeit";
    /** OIN in the gateway certificate unless the caller picks another. */
    public static final String DEFAULT_GATEWAY_OIN = "00000099000000000001";
    /** OIN of the negative-test certificates when there are no participants to borrow one from. */
    public static final String FALLBACK_NEGATIVE_TEST_OIN = "00000099000000009999";
    /** Where the CRL distribution points point; {@code .invalid} never resolves, so nothing is fetched by accident. */
    public static final URI DEFAULT_CRL_BASE_URI = URI.create("http://crl.knooppunt-dev.invalid/");

    private static final Pattern DNS_NAME =
            Pattern.compile("(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private final Path outputDirectory;
    private final char[] password;
    private final List<Participant> participants;
    private final List<String> serverHosts;
    private final String gatewayOin;
    private final KeyType serverKeyType;
    private final KeyType caKeyType;
    private final SignatureScheme signatureScheme;
    private final Duration validity;
    private final Duration caValidity;
    private final Duration renewBefore;
    private final URI crlBaseUri;
    private final String negativeTestOin;
    private final String caGeneration;
    private final List<X509Certificate> additionalTrustedRoots;
    private final Clock clock;

    private DevPkiSpec(Builder b) {
        this.outputDirectory = b.outputDirectory.toAbsolutePath().normalize();
        this.password = b.password.clone();
        this.participants = List.copyOf(b.participants);
        this.serverHosts = List.copyOf(b.serverHosts);
        this.gatewayOin = Oin.requireValid(b.gatewayOin, "Gateway OIN");
        this.serverKeyType = Objects.requireNonNull(b.serverKeyType, "serverKeyType");
        this.caKeyType = Objects.requireNonNull(b.caKeyType, "caKeyType");
        this.signatureScheme = Objects.requireNonNull(b.signatureScheme, "signatureScheme");
        this.validity = Objects.requireNonNull(b.validity, "validity");
        this.caValidity = Objects.requireNonNull(b.caValidity, "caValidity");
        this.renewBefore = Objects.requireNonNull(b.renewBefore, "renewBefore");
        this.crlBaseUri = b.crlBaseUri.toString().endsWith("/") ? b.crlBaseUri : URI.create(b.crlBaseUri + "/");
        this.negativeTestOin = Oin.requireValid(b.negativeTestOin != null ? b.negativeTestOin
                : participants.isEmpty() ? FALLBACK_NEGATIVE_TEST_OIN : participants.get(0).oin(), "Negative-test OIN");
        this.caGeneration = Objects.requireNonNull(b.caGeneration, "caGeneration");
        if (!caGeneration.matches("[A-Za-z0-9]{1,8}")) {
            throw new IllegalArgumentException("CA generation must be 1 to 8 letters or digits, e.g. G2");
        }
        this.additionalTrustedRoots = List.copyOf(b.additionalTrustedRoots);
        this.clock = Objects.requireNonNull(b.clock, "clock");
        validate();
    }

    private void validate() {
        if (password.length == 0) {
            throw new IllegalArgumentException("Password must not be empty");
        }
        Set<String> names = new HashSet<>();
        for (Participant participant : participants) {
            // Case-insensitive: the names become file names, also on case-insensitive file systems.
            if (!names.add(participant.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Participant name '" + participant.name() + "' is used twice");
            }
        }
        if (serverHosts.isEmpty()) {
            throw new IllegalArgumentException("At least one server host name or IP address is needed");
        }
        for (String host : serverHosts) {
            if (!IPAddress.isValid(host) && !DNS_NAME.matcher(host).matches()) {
                throw new IllegalArgumentException("Server host '" + host + "' is neither a DNS name nor an IP address");
            }
        }
        if (caKeyType != KeyType.RSA_2048 && caKeyType != KeyType.RSA_3072) {
            throw new IllegalArgumentException("The CAs sign with RSA (PSS or PKCS#1), so their key must be RSA");
        }
        if (validity.isNegative() || validity.compareTo(renewBefore) <= 0) {
            throw new IllegalArgumentException("Validity " + validity + " must be longer than renewBefore "
                    + renewBefore + ", or every start would regenerate the PKI");
        }
        if (caValidity.compareTo(validity) < 0) {
            throw new IllegalArgumentException("CA validity " + caValidity + " must not be shorter than validity " + validity);
        }
        if (renewBefore.isNegative()) {
            throw new IllegalArgumentException("renewBefore must not be negative");
        }
    }

    public static Builder builder(Path outputDirectory) {
        return new Builder(outputDirectory);
    }

    /** A builder that starts from this spec, e.g. to add a participant. */
    public Builder toBuilder() {
        Builder b = new Builder(outputDirectory);
        b.password = password.clone();
        b.participants.addAll(participants);
        b.serverHosts = new ArrayList<>(serverHosts);
        b.gatewayOin = gatewayOin;
        b.serverKeyType = serverKeyType;
        b.caKeyType = caKeyType;
        b.signatureScheme = signatureScheme;
        b.validity = validity;
        b.caValidity = caValidity;
        b.renewBefore = renewBefore;
        b.crlBaseUri = crlBaseUri;
        b.negativeTestOin = negativeTestOin;
        b.caGeneration = caGeneration;
        b.additionalTrustedRoots.addAll(additionalTrustedRoots);
        b.clock = clock;
        return b;
    }

    public Path outputDirectory() {
        return outputDirectory;
    }

    /** A copy of the password of all key and trust stores. */
    public char[] password() {
        return password.clone();
    }

    public List<Participant> participants() {
        return participants;
    }

    /** DNS names and IP addresses in the gateway certificate's subjectAltName; the first DNS name is its CN. */
    public List<String> serverHosts() {
        return serverHosts;
    }

    public String gatewayOin() {
        return gatewayOin;
    }

    public KeyType serverKeyType() {
        return serverKeyType;
    }

    public KeyType caKeyType() {
        return caKeyType;
    }

    public SignatureScheme signatureScheme() {
        return signatureScheme;
    }

    /** Validity of end-entity certificates and of the CRLs' nextUpdate. */
    public Duration validity() {
        return validity;
    }

    public Duration caValidity() {
        return caValidity;
    }

    /** {@link DevPkiGenerator#generateIfAbsent} regenerates when anything expires within this margin. */
    public Duration renewBefore() {
        return renewBefore;
    }

    public URI crlBaseUri() {
        return crlBaseUri;
    }

    /** OIN carried by the expired, revoked and foreign certificates. */
    public String negativeTestOin() {
        return negativeTestOin;
    }

    /** The generation in the CA names ("... Root CA - G1"); a CA rotation moves to a new generation. */
    public String caGeneration() {
        return caGeneration;
    }

    /** Roots added to the trust store next to the generated root, e.g. the previous root during CA rotation. */
    public List<X509Certificate> additionalTrustedRoots() {
        return additionalTrustedRoots;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * A digest of everything that shapes the generated files, except the password (checked by opening
     * the stores) and the clock (checked through the expiry dates). Stored in the manifest so that
     * {@link DevPkiGenerator#generateIfAbsent} notices a changed spec.
     */
    String fingerprint() {
        StringBuilder text = new StringBuilder("devpki-spec-v1\n");
        for (Participant p : participants) {
            text.append("participant|").append(p.name()).append('|').append(p.oin()).append('|')
                    .append(p.keyType()).append('|').append(p.organisation()).append('\n');
        }
        text.append("serverHosts|").append(String.join(",", serverHosts)).append('\n')
                .append("gatewayOin|").append(gatewayOin).append('\n')
                .append("serverKeyType|").append(serverKeyType).append('\n')
                .append("caKeyType|").append(caKeyType).append('\n')
                .append("signatureScheme|").append(signatureScheme).append('\n')
                .append("validity|").append(validity).append('\n')
                .append("caValidity|").append(caValidity).append('\n')
                .append("crlBaseUri|").append(crlBaseUri).append('\n')
                .append("negativeTestOin|").append(negativeTestOin).append('\n')
                .append("caGeneration|").append(caGeneration).append('\n');
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (X509Certificate root : additionalTrustedRoots) {
                text.append("trustedRoot|").append(HexFormat.of().formatHex(sha256.digest(root.getEncoded()))).append('\n');
            }
            return HexFormat.of().formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot fingerprint the spec", e);
        }
    }

    /** Builder with dev defaults; only the output directory is required. */
    public static final class Builder {
        private Path outputDirectory;
        private char[] password = DEFAULT_PASSWORD.toCharArray();
        private final List<Participant> participants = new ArrayList<>();
        private List<String> serverHosts = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
        private String gatewayOin = DEFAULT_GATEWAY_OIN;
        private KeyType serverKeyType = KeyType.RSA_2048;
        private KeyType caKeyType = KeyType.RSA_3072;
        private SignatureScheme signatureScheme = SignatureScheme.RSA_PSS_SHA256;
        private Duration validity = Duration.ofDays(365);
        private Duration caValidity = Duration.ofDays(3650);
        private Duration renewBefore = Duration.ofDays(30);
        private URI crlBaseUri = DEFAULT_CRL_BASE_URI;
        private String negativeTestOin;
        private String caGeneration = "G1";
        private final List<X509Certificate> additionalTrustedRoots = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder(Path outputDirectory) {
            this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
        }

        public Builder outputDirectory(Path outputDirectory) {
            this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
            return this;
        }

        public Builder password(char[] password) {
            this.password = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        public Builder password(String password) {
            return password(Objects.requireNonNull(password, "password").toCharArray());
        }

        public Builder participant(Participant participant) {
            participants.add(Objects.requireNonNull(participant, "participant"));
            return this;
        }

        public Builder participant(String name, String oin, KeyType keyType) {
            return participant(Participant.of(name, oin, keyType));
        }

        public Builder participants(List<Participant> participants) {
            participants.forEach(this::participant);
            return this;
        }

        /** Replaces the default hosts (localhost, 127.0.0.1, ::1). */
        public Builder serverHosts(List<String> hosts) {
            this.serverHosts = new ArrayList<>(hosts);
            return this;
        }

        public Builder gatewayOin(String oin) {
            this.gatewayOin = oin;
            return this;
        }

        public Builder serverKeyType(KeyType keyType) {
            this.serverKeyType = keyType;
            return this;
        }

        /** RSA_3072 by default; RSA_2048 is allowed to speed up tests. */
        public Builder caKeyType(KeyType keyType) {
            this.caKeyType = keyType;
            return this;
        }

        public Builder signatureScheme(SignatureScheme scheme) {
            this.signatureScheme = scheme;
            return this;
        }

        public Builder validity(Duration validity) {
            this.validity = validity;
            return this;
        }

        public Builder caValidity(Duration caValidity) {
            this.caValidity = caValidity;
            return this;
        }

        public Builder renewBefore(Duration renewBefore) {
            this.renewBefore = renewBefore;
            return this;
        }

        public Builder crlBaseUri(URI crlBaseUri) {
            this.crlBaseUri = Objects.requireNonNull(crlBaseUri, "crlBaseUri");
            return this;
        }

        /** Defaults to the first participant's OIN, so a refusal proves the certificate check, not an OIN lookup. */
        public Builder negativeTestOin(String oin) {
            this.negativeTestOin = oin;
            return this;
        }

        /** The generation in the CA names (default G1): a new CA in a rotation has a new name, as in PKIoverheid. */
        public Builder caGeneration(String generation) {
            this.caGeneration = generation;
            return this;
        }

        public Builder additionalTrustedRoot(X509Certificate root) {
            additionalTrustedRoots.add(Objects.requireNonNull(root, "root"));
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public DevPkiSpec build() {
            return new DevPkiSpec(this);
        }
    }

    @Override
    public String toString() {
        return "DevPkiSpec[" + outputDirectory + ", participants=" + participants + ", serverHosts=" + serverHosts
                + ", signatureScheme=" + signatureScheme + ", password=(hidden)]";
    }
}
