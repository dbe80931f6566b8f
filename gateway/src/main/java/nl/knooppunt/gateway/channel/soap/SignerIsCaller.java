package nl.knooppunt.gateway.channel.soap;

import java.util.Optional;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;

/**
 * The organisation that signed the message must be the organisation on the TLS connection: a
 * creditor cannot forward a message signed by someone else, nor sign for another creditor. The
 * message carries exactly one signature.
 */
class SignerIsCaller extends AbstractSoapInterceptor {

    SignerIsCaller() {
        super(Phase.PRE_PROTOCOL);
        addAfter(WSS4JInInterceptor.class.getName());
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Optional<String> caller = CallerCertificates.tlsOin(message);
        Optional<String> signer = Signatures.onlySignerOin(message);
        message.remove(FaultDetailInterceptor.WS_SECURITY_IN_PROGRESS);
        if (caller.isEmpty() || signer.isEmpty() || !caller.get().equals(signer.get())) {
            throw SoapFaults.fault(InboundOutcome.NOT_AUTHORIZED, Signatures.count(message) > 1
                    ? "The message must carry exactly one signature, by the organisation of the TLS connection"
                    : "The message must be signed by the organisation of the TLS connection", null);
        }
    }
}
