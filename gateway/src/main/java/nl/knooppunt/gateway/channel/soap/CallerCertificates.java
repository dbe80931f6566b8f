package nl.knooppunt.gateway.channel.soap;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.Optional;
import nl.knooppunt.gateway.security.CertificateIdentity;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/** The OIN of the TLS client certificate the request came in with. */
final class CallerCertificates {

    private CallerCertificates() {}

    static Optional<String> tlsOin(Message message) {
        Object request = message.get(AbstractHTTPDestination.HTTP_REQUEST);
        if (!(request instanceof HttpServletRequest http)) {
            return Optional.empty();
        }
        Object chain = http.getAttribute("jakarta.servlet.request.X509Certificate");
        if (!(chain instanceof X509Certificate[] certificates) || certificates.length == 0) {
            return Optional.empty();
        }
        return CertificateIdentity.oinOf(certificates[0]);
    }
}
