package nl.knooppunt.gateway.channel.soap;

import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.wss4j.CryptoCoverageChecker.XPathExpression;
import org.apache.cxf.ws.security.wss4j.CryptoCoverageChecker;
import org.apache.cxf.ws.security.wss4j.CryptoCoverageUtil.CoverageScope;
import org.apache.cxf.ws.security.wss4j.CryptoCoverageUtil.CoverageType;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.w3c.dom.Element;

/**
 * A signature counts only for what it covers. The one signature of a message (see
 * {@link Signatures}) must cover the SOAP Body, the Timestamp and every WS-Addressing header present
 * (To, Action, MessageID, RelatesTo, ReplyTo, FaultTo, From) at the place where the message has them,
 * so a signed element moved aside for an unsigned one (signature wrapping) does not count; on
 * 2W-be-SE the Body's content must also be encrypted. Checked by CXF's crypto-coverage checker on
 * the elements WSS4J verified.
 */
class SignatureCoverage extends AbstractSoapInterceptor {

    private static final Map<String, String> PREFIXES = Map.of(
            "soapenv", "http://schemas.xmlsoap.org/soap/envelope/",
            "wsse", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
            "wsu", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd",
            "wsa", "http://www.w3.org/2005/08/addressing");
    private static final List<String> ADDRESSING_HEADERS =
            List.of("To", "Action", "MessageID", "RelatesTo", "ReplyTo", "FaultTo", "From");

    private final Function<SoapMessage, SecurityProfile> profiles;
    private final Function<String, RuntimeException> refusal;
    private final CryptoCoverageChecker signed = checker(false);
    private final CryptoCoverageChecker signedAndEncrypted = checker(true);

    /**
     * @param profiles the security profile agreed with the other party of this message
     * @param refusal what to throw, given the reason, when the coverage falls short
     */
    SignatureCoverage(Function<SoapMessage, SecurityProfile> profiles, Function<String, RuntimeException> refusal) {
        super(Phase.PRE_PROTOCOL);
        addAfter(WSS4JInInterceptor.class.getName());
        this.profiles = profiles;
        this.refusal = refusal;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (isFault(message)) {
            // An unsigned fault is allowed (WSS4J let it through); the caller handles it as a fault.
            return;
        }
        try {
            (profiles.apply(message).encrypts() ? signedAndEncrypted : signed).handleMessage(message);
        } catch (Fault shortfall) {
            throw refusal.apply("The signature must cover the Body, the Timestamp and the WS-Addressing headers"
                    + " (" + shortfall.getMessage() + ")");
        }
    }

    private static CryptoCoverageChecker checker(boolean encryptedBody) {
        List<XPathExpression> required = new ArrayList<>();
        required.add(new XPathExpression("/soapenv:Envelope/soapenv:Body", CoverageType.SIGNED, CoverageScope.ELEMENT));
        required.add(new XPathExpression("/soapenv:Envelope/soapenv:Header/wsse:Security/wsu:Timestamp",
                CoverageType.SIGNED, CoverageScope.ELEMENT));
        for (String header : ADDRESSING_HEADERS) {
            required.add(new XPathExpression("/soapenv:Envelope/soapenv:Header/wsa:" + header, CoverageType.SIGNED,
                    CoverageScope.ELEMENT));
        }
        if (encryptedBody) {
            required.add(new XPathExpression("/soapenv:Envelope/soapenv:Body", CoverageType.ENCRYPTED,
                    CoverageScope.CONTENT));
        }
        CryptoCoverageChecker checker = new CryptoCoverageChecker(PREFIXES, required);
        // Faults are recognised above, on the DOM: SAAJ's own hasFault() fails now and then on a Body
        // whose content WSS4J has just decrypted ("Cannot find SOAP wrapper for element").
        checker.setCheckFaults(true);
        return checker;
    }

    /** Whether the Body holds a SOAP Fault, read from the DOM rather than through SAAJ. */
    private static boolean isFault(SoapMessage message) {
        SOAPMessage saaj = message.getContent(SOAPMessage.class);
        if (saaj == null) {
            return false;
        }
        try {
            Element envelope = (Element) DOMUtils.getDomElement(saaj.getSOAPPart().getEnvelope());
            Element body = DOMUtils.getFirstChildWithName(envelope, envelope.getNamespaceURI(), "Body");
            Element content = body == null ? null : DOMUtils.getFirstElement(body);
            return content != null && "Fault".equals(content.getLocalName())
                    && envelope.getNamespaceURI().equals(content.getNamespaceURI());
        } catch (SOAPException e) {
            return false;
        }
    }
}
