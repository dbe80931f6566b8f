package nl.knooppunt.certs;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** The Organisatie-identificatienummer (OIN): 20 digits, carried in the subject serialNumber. */
public final class Oin {

    private static final Pattern TWENTY_DIGITS = Pattern.compile("[0-9]{20}");

    private Oin() {
    }

    public static boolean isValid(String text) {
        return text != null && TWENTY_DIGITS.matcher(text).matches();
    }

    static String requireValid(String text, String what) {
        if (!isValid(text)) {
            throw new IllegalArgumentException(what + " must be exactly 20 digits, got '" + text + "'");
        }
        return text;
    }

    /** The OIN in the subject serialNumber attribute of a certificate, if there is exactly one valid one. */
    public static Optional<String> fromSubject(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] serialNumbers = subject.getRDNs(BCStyle.SERIALNUMBER);
        if (serialNumbers.length != 1 || serialNumbers[0].isMultiValued()) {
            return Optional.empty();
        }
        ASN1Encodable value = serialNumbers[0].getFirst().getValue();
        String text = IETFUtils.valueToString(value);
        return isValid(text) ? Optional.of(text) : Optional.empty();
    }
}
