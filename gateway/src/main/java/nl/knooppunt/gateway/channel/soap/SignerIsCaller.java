package nl.knooppunt.gateway.channel.soap;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.gateway.security.CertificateIdentity;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;

/**
 * The organisation that signed the message must be the organisation on the TLS connection: a
 * creditor cannot forward a message signed by someone else, nor sign for another creditor.
 */
class SignerIsCaller extends AbstractSoapInterceptor {

    SignerIsCaller() {
        super(Phase.PRE_PROTOCOL);
        addAfter(WSS4JInInterceptor.class.getName());
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Optional<String> caller = CallerCertificates.tlsOin(message);
        Optional<String> signer = signerOin(message);
        if (caller.isEmpty() || signer.isEmpty() || !caller.get().equals(signer.get())) {
            throw SoapFaults.fault(InboundOutcome.NOT_AUTHORIZED,
                    "The message must be signed by the organisation of the TLS connection", null);
        }
    }

    @SuppressWarnings("unchecked")
    static Optional<String> signerOin(org.apache.cxf.message.Message message) {
        Object results = message.get(WSHandlerConstants.RECV_RESULTS);
        if (!(results instanceof List<?> handlerResults)) {
            return Optional.empty();
        }
        for (WSHandlerResult handlerResult : (List<WSHandlerResult>) handlerResults) {
            List<WSSecurityEngineResult> signatures = handlerResult.getActionResults().get(WSConstants.SIGN);
            if (signatures != null) {
                for (WSSecurityEngineResult signature : signatures) {
                    X509Certificate certificate = (X509Certificate) signature.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
                    if (certificate != null) {
                        return CertificateIdentity.oinOf(certificate);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
