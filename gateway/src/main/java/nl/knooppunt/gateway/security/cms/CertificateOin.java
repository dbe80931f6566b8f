package nl.knooppunt.gateway.security.cms;

import java.security.cert.X509Certificate;
import java.util.Optional;
import nl.knooppunt.gateway.registry.Oin;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** The OIN of a PKIoverheid certificate: its subject serialNumber (2.5.4.5), 20 digits. */
final class CertificateOin {

    private CertificateOin() {
    }

    /** The OIN, if the subject has exactly one serialNumber and it is a valid OIN. */
    static Optional<String> of(X509Certificate certificate) {
        RDN[] serialNumbers = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                .getRDNs(BCStyle.SERIALNUMBER);
        if (serialNumbers.length != 1 || serialNumbers[0].isMultiValued()) {
            return Optional.empty();
        }
        String value = IETFUtils.valueToString(serialNumbers[0].getFirst().getValue());
        return Oin.isValid(value) ? Optional.of(value) : Optional.empty();
    }
}
