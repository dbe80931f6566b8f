package nl.knooppunt.gateway.channel.soap;

import jakarta.xml.bind.UnmarshalException;
import javax.xml.stream.XMLStreamException;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Every fault leaving the gateway's service carries a stable code, also those raised by CXF itself:
 * a request that does not match the schema gets SCHEMA_ONGELDIG, a WS-Security failure (unsigned,
 * tampered, untrusted or revoked signer) NIET_GEAUTORISEERD, anything unexpected INTERNE_FOUT with
 * a neutral text instead of internals.
 */
class FaultDetailInterceptor extends AbstractSoapInterceptor {

    private static final Logger log = LoggerFactory.getLogger(FaultDetailInterceptor.class);
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    FaultDetailInterceptor() {
        super(Phase.PRE_STREAM);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exception exception = message.getContent(Exception.class);
        if (!(exception instanceof Fault fault)) {
            return;
        }
        SoapFault soapFault = SoapFault.createFault(fault, message.getVersion());
        if (SoapFaults.hasDetail(soapFault)) {
            return;
        }
        if (WSSE.equals(soapFault.getFaultCode().getNamespaceURI()) || causedBy(fault, WSSecurityException.class)) {
            // CXF keeps WS-Security details to itself (no oracle for attackers); the code says enough.
            soapFault.setFaultCode(message.getVersion().getSender());
            SoapFaults.addDetail(soapFault, InboundOutcome.NOT_AUTHORIZED,
                    "WS-Security check failed: the message must be signed (and on 2W-be-SE encrypted) as agreed, "
                            + "with a valid certificate, and not altered", null);
        } else if (isSchemaProblem(fault)) {
            soapFault.setFaultCode(message.getVersion().getSender());
            SoapFaults.addDetail(soapFault, InboundOutcome.SCHEMA_INVALID,
                    "The request does not match the contract: " + firstLine(rootMessage(fault)), null);
        } else if (message.getVersion().getSender().equals(soapFault.getFaultCode())) {
            SoapFaults.addDetail(soapFault, InboundOutcome.SCHEMA_INVALID, firstLine(soapFault.getMessage()), null);
        } else {
            log.error("SOAP request failed inside the gateway", fault);
            soapFault.setMessage("The request could not be processed; nothing was changed. Try again later.");
            SoapFaults.addDetail(soapFault, InboundOutcome.INTERNAL_ERROR, soapFault.getMessage(), null);
        }
        message.setContent(Exception.class, soapFault);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSchemaProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnmarshalException || t instanceof SAXException || t instanceof XMLStreamException
                    || (t.getMessage() != null && t.getMessage().startsWith("Unmarshalling Error"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? failure.getMessage() : root.getMessage();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "invalid request";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
