package nl.knooppunt.gateway.channel.soap;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.knooppunt.gateway.security.CertificateIdentity;
import org.apache.cxf.message.Message;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;

/**
 * The signatures WSS4J verified on an incoming message. A message counts only with exactly one
 * signature: with two, what the second covers could be credited to the first signer.
 */
final class Signatures {

    private Signatures() {}

    /** The OIN in the certificate of the message's one signature; empty when there is not exactly one. */
    static Optional<String> onlySignerOin(Message message) {
        List<X509Certificate> signers = signers(message);
        return signers.size() == 1 ? CertificateIdentity.oinOf(signers.get(0)) : Optional.empty();
    }

    static int count(Message message) {
        return signers(message).size();
    }

    private static List<X509Certificate> signers(Message message) {
        List<X509Certificate> signers = new ArrayList<>();
        if (!(message.get(WSHandlerConstants.RECV_RESULTS) instanceof List<?> results)) {
            return signers;
        }
        for (Object result : results) {
            if (!(result instanceof WSHandlerResult handlerResult)) {
                continue;
            }
            List<WSSecurityEngineResult> signatures = handlerResult.getActionResults().get(WSConstants.SIGN);
            if (signatures != null) {
                for (WSSecurityEngineResult signature : signatures) {
                    signers.add((X509Certificate) signature.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE));
                }
            }
        }
        return signers;
    }
}
