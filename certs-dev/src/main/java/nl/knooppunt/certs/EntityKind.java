package nl.knooppunt.certs;

import java.util.Locale;

/** What an end-entity certificate of the dev PKI is for. */
public enum EntityKind {
    /** The gateway's own certificate: TLS server, and TLS client towards creditors. */
    SERVER,
    /** A debt counsellor or creditor, identified by its OIN. */
    PARTICIPANT,
    /** Valid OIN and chain, but notAfter in the past. */
    EXPIRED,
    /** Valid OIN and chain, but listed on the intermediate CA's CRL. */
    REVOKED,
    /** Valid OIN, but issued by a root that is not in the trust store. */
    FOREIGN;

    /** Name as written in the manifest. */
    public String manifestName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EntityKind fromManifestName(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
