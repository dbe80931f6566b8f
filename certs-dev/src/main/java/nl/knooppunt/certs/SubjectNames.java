package nl.knooppunt.certs;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Distinguished names of the dev PKI, shaped like PKIoverheid private services and marked DEV. */
final class SubjectNames {

    static final String DEV_ORGANISATION = "Knooppunt DEV - niet voor productie";

    private SubjectNames() {
    }

    static X500Name rootCa(String generation) {
        return ca("Knooppunt DEV Private Root CA - " + generation, DEV_ORGANISATION);
    }

    static X500Name issuingCa(String generation) {
        return ca("Knooppunt DEV Private Services CA - " + generation, DEV_ORGANISATION);
    }

    /** Deliberately a different name: a foreign chain must fail for lack of a trust anchor, not on a signature. */
    static X500Name foreignRootCa() {
        return ca("Foreign DEV Root CA - not trusted by Knooppunt", "Foreign DEV - niet voor productie");
    }

    /**
     * {@code CN=<commonName>, O=<organisation>, serialNumber=<OIN>, C=NL} (RFC 2253 order; DER order is
     * the reverse). BCStyle encodes serialNumber and C as PrintableString, as PKIoverheid does.
     */
    static X500Name organisation(String commonName, String organisation, String oin) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "NL")
                .addRDN(BCStyle.SERIALNUMBER, oin)
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static X500Name ca(String commonName, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "NL")
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }
}
