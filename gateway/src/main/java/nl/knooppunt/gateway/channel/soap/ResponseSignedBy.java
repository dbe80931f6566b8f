package nl.knooppunt.gateway.channel.soap;

import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;

/** A creditor's answer counts only when that creditor, and no one else, signed it. */
class ResponseSignedBy extends AbstractSoapInterceptor {

    /**
     * The code of a creditor's answer the gateway refuses (not signed as agreed): the batch may or
     * may not have arrived, so it is sent again.
     */
    static final QName ANSWER_REFUSED = new QName("urn:knooppunt:gateway", "AntwoordGeweigerd");

    private final String creditorOin;

    ResponseSignedBy(String creditorOin) {
        super(Phase.PRE_PROTOCOL);
        addAfter(WSS4JInInterceptor.class.getName());
        this.creditorOin = creditorOin;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (!Signatures.onlySignerOin(message).filter(creditorOin::equals).isPresent()) {
            throw refused("The answer is not signed by the creditor alone");
        }
    }

    static SoapFault refused(String reason) {
        return new SoapFault(reason, ANSWER_REFUSED);
    }
}
