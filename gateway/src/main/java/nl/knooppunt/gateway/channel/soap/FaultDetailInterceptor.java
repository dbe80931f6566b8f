package nl.knooppunt.gateway.channel.soap;

import jakarta.xml.bind.UnmarshalException;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Every fault leaving the gateway's service carries a stable code, also those raised by CXF itself,
 * and is logged once, here, at a level that says whose problem it is:
 *
 * <ul>
 *   <li>a request refused by the service (unknown conversation, reply not permitted, ...) keeps its
 *       code: one INFO line;
 *   <li>anything that failed while the WS-Security header was being processed (unsigned, tampered,
 *       untrusted, revoked or malformed) is NIET_GEAUTORISEERD, soap:Client: one WARN line;
 *   <li>a SOAP 1.2 envelope gets the SOAP 1.1 VersionMismatch fault: one WARN line;
 *   <li>a request that does not match the schema is SCHEMA_ONGELDIG, soap:Client: one INFO line;
 *   <li>only a fault of the gateway itself is INTERNE_FOUT (soap:Server, "try again later"), logged
 *       at ERROR with its stack trace and answered with a neutral text.
 * </ul>
 *
 * CXF's own logging of faults is switched off for the service ({@link #SILENT}), so none is logged twice.
 */
class FaultDetailInterceptor extends AbstractSoapInterceptor {

    private static final Logger log = LoggerFactory.getLogger(FaultDetailInterceptor.class);
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    /** Set on a request while its WS-Security header is processed: a failure then is the caller's. */
    static final String WS_SECURITY_IN_PROGRESS = "knooppunt.wsSecurityInProgress";

    /** A CXF fault listener that leaves the logging to this interceptor. */
    static final org.apache.cxf.logging.FaultListener SILENT = (exception, description, message) -> false;

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
        String caller = CallerCertificates.tlsOin(message.getExchange().getInMessage()).orElse("unknown caller");
        if (SoapFaults.hasDetail(soapFault)) {
            InboundOutcome outcome = SoapFaults.outcomeOf(soapFault);
            if (outcome == InboundOutcome.NOT_AUTHORIZED) {
                log.warn("SOAP request of {} refused: {} {}", caller, SoapFaults.code(outcome), soapFault.getMessage());
            } else {
                log.info("SOAP request of {} refused: {} {}", caller, SoapFaults.code(outcome), soapFault.getMessage());
            }
            return;
        }
        if (isVersionMismatch(soapFault)) {
            // A SOAP 1.1 node answers a SOAP 1.2 envelope with a SOAP 1.1 VersionMismatch fault.
            message.setVersion(Soap11.getInstance());
            soapFault = new SoapFault("Only SOAP 1.1 envelopes are accepted (Digikoppeling WUS)",
                    Soap11.getInstance().getVersionMismatch());
            SoapFaults.addDetail(soapFault, InboundOutcome.SCHEMA_INVALID, soapFault.getMessage(), null);
            log.warn("SOAP request of {} refused: VersionMismatch (not a SOAP 1.1 envelope)", caller);
        } else if (causedBy(fault, XMLStreamException.class)) {
            // Not well-formed XML (e.g. a character XML 1.0 cannot carry), wherever the parser met it,
            // inside the WS-Security check too: the caller's message breaks the contract.
            refuseAsSchemaInvalid(message, soapFault, fault, caller);
        } else if (isWsSecurityFailure(message, soapFault, fault)) {
            // CXF keeps WS-Security details to itself (no oracle for attackers); the code says enough.
            soapFault.setFaultCode(Soap11.getInstance().getSender());
            SoapFaults.addDetail(soapFault, InboundOutcome.NOT_AUTHORIZED,
                    "WS-Security check failed: the message must be signed (and on 2W-be-SE encrypted) as agreed, "
                            + "with a valid certificate, and not altered", null);
            log.warn("SOAP request of {} refused: {} WS-Security check failed: {}", caller,
                    SoapFaults.code(InboundOutcome.NOT_AUTHORIZED), firstLine(rootMessage(fault)));
        } else if (isSchemaProblem(fault) || message.getVersion().getSender().equals(soapFault.getFaultCode())) {
            refuseAsSchemaInvalid(message, soapFault, fault, caller);
        } else {
            log.error("SOAP request of {} failed inside the gateway", caller, fault);
            soapFault.setMessage("The request could not be processed; nothing was changed. Try again later.");
            SoapFaults.addDetail(soapFault, InboundOutcome.INTERNAL_ERROR, soapFault.getMessage(), null);
        }
        message.setContent(Exception.class, soapFault);
    }

    private static void refuseAsSchemaInvalid(SoapMessage message, SoapFault soapFault, Fault fault, String caller) {
        soapFault.setFaultCode(message.getVersion().getSender());
        String reason = "The request does not match the contract: " + firstLine(rootMessage(fault));
        SoapFaults.addDetail(soapFault, InboundOutcome.SCHEMA_INVALID, reason, null);
        log.info("SOAP request of {} refused: {} {}", caller, SoapFaults.code(InboundOutcome.SCHEMA_INVALID), reason);
    }

    private static boolean isVersionMismatch(SoapFault fault) {
        QName code = fault.getFaultCode();
        return code != null && "VersionMismatch".equals(code.getLocalPart());
    }

    private static boolean isWsSecurityFailure(SoapMessage message, SoapFault soapFault, Fault fault) {
        Message request = message.getExchange().getInMessage();
        return (request != null && Boolean.TRUE.equals(request.get(WS_SECURITY_IN_PROGRESS)))
                || WSSE.equals(soapFault.getFaultCode().getNamespaceURI())
                || causedBy(fault, WSSecurityException.class);
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
