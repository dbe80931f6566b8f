package nl.knooppunt.gateway.channel.soap;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;

/** A creditor's answer counts only when that creditor signed it. */
class ResponseSignedBy extends AbstractSoapInterceptor {

    private final String creditorOin;

    ResponseSignedBy(String creditorOin) {
        super(Phase.PRE_PROTOCOL);
        addAfter(WSS4JInInterceptor.class.getName());
        this.creditorOin = creditorOin;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (!SignerIsCaller.signerOin(message).filter(creditorOin::equals).isPresent()) {
            throw new SoapFault("The answer is not signed by the creditor", message.getVersion().getReceiver());
        }
    }
}
