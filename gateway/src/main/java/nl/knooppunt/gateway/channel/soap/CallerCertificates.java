package nl.knooppunt.gateway.channel.soap;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.Optional;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.security.CertificateIdentity;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/** The OIN of the TLS client certificate the request came in with. */
final class CallerCertificates {

    private CallerCertificates() {}

    /** The security profile agreed with the caller (2W-be-S when it has none or is no creditor). */
    static SecurityProfile securityProfile(Message message, ParticipantRepository participants) {
        return tlsOin(message)
                .flatMap(participants::findByOin)
                .flatMap(p -> p.channel().map(CreditorChannel::settings))
                .map(SecurityProfile::of)
                .orElse(SecurityProfile.SIGNED);
    }

    /** The caller's TLS client certificate. */
    static Optional<X509Certificate> tlsCertificate(Message message) {
        Object request = message.get(AbstractHTTPDestination.HTTP_REQUEST);
        if (!(request instanceof HttpServletRequest http)
                || !(http.getAttribute("jakarta.servlet.request.X509Certificate") instanceof X509Certificate[] chain)
                || chain.length == 0) {
            return Optional.empty();
        }
        return Optional.of(chain[0]);
    }

    static Optional<String> tlsOin(Message message) {
        return tlsCertificate(message).flatMap(CertificateIdentity::oinOf);
    }
}
