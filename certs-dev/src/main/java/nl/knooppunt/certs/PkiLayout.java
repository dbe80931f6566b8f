package nl.knooppunt.certs;

/** File names inside the output directory, relative and with '/' so the manifest is portable. */
final class PkiLayout {

    static final String MANIFEST = "pki.properties";
    static final String LOCK = ".pki.lock";
    static final String TRUST_STORE = "truststore.p12";
    static final String ROOT_CA_PEM = "ca/root-ca.pem";
    static final String INTERMEDIATE_CA_PEM = "ca/intermediate-ca.pem";
    static final String CA_CHAIN_PEM = "ca/ca-chain.pem";
    static final String ROOT_CRL = "ca/root-ca.crl";
    static final String ROOT_CRL_PEM = "ca/root-ca.crl.pem";
    static final String INTERMEDIATE_CRL = "ca/intermediate-ca.crl";
    static final String INTERMEDIATE_CRL_PEM = "ca/intermediate-ca.crl.pem";
    static final String FOREIGN_ROOT_CA_PEM = "negative/foreign-root-ca.pem";

    static final String GATEWAY_NAME = "gateway";

    private PkiLayout() {
    }

    static String keyStore(EntityKind kind, String name) {
        return folder(kind) + name + ".p12";
    }

    static String certificatePem(EntityKind kind, String name) {
        return folder(kind) + name + ".pem";
    }

    static String chainPem(EntityKind kind, String name) {
        return folder(kind) + name + "-chain.pem";
    }

    private static String folder(EntityKind kind) {
        switch (kind) {
            case SERVER:
                return "gateway/";
            case PARTICIPANT:
                return "participants/";
            default:
                return "negative/";
        }
    }
}
