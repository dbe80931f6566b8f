package nl.knooppunt.gateway.channel.soap;

import java.security.cert.X509Certificate;
import java.util.Map;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;

/**
 * The gateway signs its responses, and on the 2W-be-SE profile encrypts them to the caller's
 * certificate — the one it presented on the TLS connection.
 */
class ResponseSecurity extends AbstractSoapInterceptor {

    private final ParticipantRepository participants;
    private final WsSecurity security;

    ResponseSecurity(ParticipantRepository participants, WsSecurity security) {
        super(Phase.PRE_PROTOCOL);
        addBefore(WSS4JOutInterceptor.class.getName());
        this.participants = participants;
        this.security = security;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Message request = message.getExchange().getInMessage();
        SecurityProfile profile = CallerCertificates.securityProfile(request, participants);
        X509Certificate callerCertificate = profile.encrypts()
                ? CallerCertificates.tlsCertificate(request).orElse(null) : null;
        for (Map.Entry<String, Object> setting : security.outgoing(profile, callerCertificate).entrySet()) {
            message.put(setting.getKey(), setting.getValue());
        }
    }
}
