package nl.knooppunt.certs;

/**
 * Generates a throw-away PKI shaped like PKIoverheid private services: a DEV root, an issuing CA, a
 * gateway certificate, one client certificate per participant, expired/revoked/foreign certificates
 * for negative tests, CRLs, PKCS#12 stores, PEM copies and a manifest.
 *
 * <p>Dev and test use only: the CA keys are thrown away after generation and every store shares one
 * caller-chosen password. Calls for the same directory are serialised, also across processes.
 */
public final class DevPkiGenerator {

    private DevPkiGenerator() {
    }

    /** Generates a new PKI, replacing whatever this generator wrote into the directory before. */
    public static DevPki generate(DevPkiSpec spec) {
        try (DirectoryLock lock = DirectoryLock.acquire(spec.outputDirectory())) {
            return new DevPkiWriter(spec).write();
        }
    }

    /**
     * Keeps the PKI in the output directory when it was generated from an equal spec, is complete, opens
     * with the spec's password and nothing in it expires within {@link DevPkiSpec#renewBefore()};
     * otherwise generates a new one.
     */
    public static DevPki generateIfAbsent(DevPkiSpec spec) {
        return ensure(spec).pki();
    }

    /** What {@link #generateIfAbsent} did, and why it regenerated (null when it kept the PKI). */
    record Outcome(DevPki pki, String regenerationReason) {
    }

    static Outcome ensure(DevPkiSpec spec) {
        try (DirectoryLock lock = DirectoryLock.acquire(spec.outputDirectory())) {
            ExistingPkiCheck.Verdict verdict = ExistingPkiCheck.check(spec);
            if (verdict.keeps()) {
                return new Outcome(verdict.keep(), null);
            }
            return new Outcome(new DevPkiWriter(spec).write(), verdict.reasonToRegenerate());
        }
    }
}
