package nl.knooppunt.certs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line for the dev PKI. Run {@code --help} for the options; see {@code certs-dev/README.md}.
 *
 * <p>Exit codes: 0 done, 1 generation failed, 2 bad arguments.
 */
public final class DevPkiCli {

    static final String DEFAULT_OUT = "target/dev-pki";

    private static final String USAGE = String.join(System.lineSeparator(),
            "Usage: DevPkiCli [options]   (DEV ONLY: throw-away certificates, one shared password)",
            "  --out DIR                    output directory (default " + DEFAULT_OUT + ")",
            "  --password PW                password of every key and trust store (default " + DevPkiSpec.DEFAULT_PASSWORD + ")",
            "  --participant NAME=OIN[:KEY] participant with a 20-digit OIN; KEY is RSA (2048, default), RSA3072 or EC",
            "                               (P-256); repeatable",
            "  --server-host HOST           DNS name or IP address in the gateway certificate; repeatable;",
            "                               replaces the default localhost, 127.0.0.1, ::1",
            "  --gateway-oin OIN            OIN in the gateway certificate (default " + DevPkiSpec.DEFAULT_GATEWAY_OIN + ")",
            "  --server-key KEY             key of the gateway certificate (default RSA)",
            "  --signature PSS|PKCS1        how the CAs sign (default PSS: SHA256withRSAandMGF1)",
            "  --validity-days N            validity of end-entity certificates and CRLs (default 365)",
            "  --negative-oin OIN           OIN of the expired/revoked/foreign certificates (default: first participant's)",
            "  --ca-generation GEN          generation in the CA names, e.g. G2 for a rotated CA (default: G1)",
            "  --trust-root FILE            also trust this root (PEM or DER), e.g. the previous root; repeatable",
            "  --force                      generate a new PKI even if the existing one is complete and valid",
            "  --help                       show this text");

    private DevPkiCli() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.help) {
            out.println(USAGE);
            return 0;
        }
        DevPkiSpec spec;
        try {
            spec = options.toSpec();
        } catch (RuntimeException e) {
            err.println("Error: " + e.getMessage());
            return 2;
        }
        try {
            DevPkiGenerator.Outcome outcome = options.force
                    ? new DevPkiGenerator.Outcome(DevPkiGenerator.generate(spec), "--force")
                    : DevPkiGenerator.ensure(spec);
            report(outcome, options.passwordGiven, out);
            return 0;
        } catch (RuntimeException e) {
            err.println("Error: could not generate the dev PKI: " + e);
            return 1;
        }
    }

    private static void report(DevPkiGenerator.Outcome outcome, boolean passwordGiven, PrintStream out) {
        DevPki pki = outcome.pki();
        out.println(outcome.regenerationReason() == null
                ? "Kept the existing DEV PKI in " + pki.directory() + " (complete, same spec, not near expiry)"
                : "Generated a DEV PKI in " + pki.directory() + " (" + outcome.regenerationReason() + ")");
        Path dir = pki.directory();
        line(out, "manifest", dir, pki.manifest());
        line(out, "trust store", dir, pki.trustStore());
        line(out, "root CA", dir, pki.rootCaPem());
        line(out, "issuing CA", dir, pki.intermediateCaPem());
        line(out, "CA chain", dir, pki.caChainPem());
        line(out, "issuing CA CRL", dir, pki.crl(), pki.crlPem());
        line(out, "root CA CRL", dir, pki.rootCrl(), pki.rootCrlPem());
        line(out, "foreign root", dir, pki.foreignRootCaPem());
        for (EndEntity entity : pki.endEntities()) {
            out.printf("  %-11s %-20s OIN %s  %-8s  %s  %s  serial %s  notAfter %s%n", entity.kind().manifestName(),
                    entity.name(), entity.oin(), entity.keyType(), rel(dir, entity.keyStore()),
                    rel(dir, entity.certificatePem()), entity.serialNumber().toString(16), entity.notAfter());
        }
        out.println("Key and trust stores are PKCS#12, alias = entity name, password "
                + (passwordGiven ? "as given with --password" : "'" + DevPkiSpec.DEFAULT_PASSWORD + "'")
                + ". DEV ONLY - never use these certificates in production.");
    }

    private static void line(PrintStream out, String label, Path dir, Path... files) {
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            names.add(rel(dir, file));
        }
        out.printf("  %-16s %s%n", label, String.join(", ", names));
    }

    private static String rel(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    /** Parsed command-line options; accepts both {@code --name value} and {@code --name=value}. */
    private static final class Options {
        Path out = Path.of(DEFAULT_OUT);
        String password = DevPkiSpec.DEFAULT_PASSWORD;
        boolean passwordGiven;
        final List<Participant> participants = new ArrayList<>();
        final List<String> serverHosts = new ArrayList<>();
        String gatewayOin;
        KeyType serverKey;
        SignatureScheme signature;
        Integer validityDays;
        String negativeOin;
        String caGeneration;
        final List<Path> trustRoots = new ArrayList<>();
        boolean force;
        boolean help;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg;
                String inlineValue = null;
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 0) {
                    name = arg.substring(0, equals);
                    inlineValue = arg.substring(equals + 1);
                }
                switch (name) {
                    case "--help", "-h" -> options.help = true;
                    case "--force" -> options.force = true;
                    default -> {
                        String value = inlineValue;
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new IllegalArgumentException(name + " needs a value");
                            }
                            value = args[++i];
                        }
                        options.set(name, value);
                    }
                }
            }
            return options;
        }

        private void set(String name, String value) {
            switch (name) {
                case "--out" -> out = Path.of(value);
                case "--password" -> {
                    password = value;
                    passwordGiven = true;
                }
                case "--participant" -> participants.add(Participant.parse(value));
                case "--server-host" -> serverHosts.add(value.trim());
                case "--gateway-oin" -> gatewayOin = value.trim();
                case "--server-key" -> serverKey = KeyType.parse(value);
                case "--signature" -> signature = SignatureScheme.parse(value);
                case "--validity-days" -> validityDays = parseDays(value);
                case "--negative-oin" -> negativeOin = value.trim();
                case "--ca-generation" -> caGeneration = value.trim();
                case "--trust-root" -> trustRoots.add(Path.of(value));
                default -> throw new IllegalArgumentException("Unknown option " + name);
            }
        }

        private static int parseDays(String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--validity-days needs a number of days, got '" + value + "'");
            }
        }

        DevPkiSpec toSpec() {
            DevPkiSpec.Builder builder = DevPkiSpec.builder(out).password(password).participants(participants);
            if (!serverHosts.isEmpty()) {
                builder.serverHosts(serverHosts);
            }
            if (gatewayOin != null) {
                builder.gatewayOin(gatewayOin);
            }
            if (serverKey != null) {
                builder.serverKeyType(serverKey);
            }
            if (signature != null) {
                builder.signatureScheme(signature);
            }
            if (validityDays != null) {
                builder.validity(Duration.ofDays(validityDays));
            }
            if (negativeOin != null) {
                builder.negativeTestOin(negativeOin);
            }
            if (caGeneration != null) {
                builder.caGeneration(caGeneration);
            }
            for (Path root : trustRoots) {
                KeyStores.readCertificates(root).forEach(builder::additionalTrustedRoot);
            }
            return builder.build();
        }
    }
}
