package nl.knooppunt.gateway.security;

import java.security.cert.X509Certificate;
import java.util.Optional;
import nl.knooppunt.gateway.registry.Oin;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Who a certificate belongs to: in PKIoverheid certificates the organisation's OIN is the
 * subject's serialNumber attribute (OID 2.5.4.5).
 */
public final class CertificateIdentity {

    private CertificateIdentity() {}

    /** The OIN of the certificate's subject, if it has exactly one valid one. */
    public static Optional<String> oinOf(X509Certificate certificate) {
        RDN[] serialNumbers = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                .getRDNs(BCStyle.SERIALNUMBER);
        if (serialNumbers.length != 1) {
            return Optional.empty();
        }
        String value = IETFUtils.valueToString(serialNumbers[0].getFirst().getValue());
        return Oin.isValid(value) ? Optional.of(value) : Optional.empty();
    }
}
