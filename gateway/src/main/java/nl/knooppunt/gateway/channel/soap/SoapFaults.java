package nl.knooppunt.gateway.channel.soap;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.util.UUID;
import javax.xml.namespace.QName;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.mappings.soap.types.Fout;
import nl.knooppunt.mappings.soap.types.Resultaatcode;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.w3c.dom.Element;

/**
 * The faults of the gateway's SOAP service: the SOAP fault code says whose problem it is (Client:
 * the request; Server: the gateway, try again), the detail element {@code Fout} carries the stable
 * code of the contract and an explanation without personal data.
 */
final class SoapFaults {

    static final QName FOUT = new QName("urn:knooppunt:diensten:v2", "Fout");
    private static final JAXBContext CONTEXT = context();

    private SoapFaults() {}

    static SoapFault fault(InboundOutcome outcome, String reason, UUID reference) {
        SoapFault fault = new SoapFault(reason, outcome == InboundOutcome.INTERNAL_ERROR
                ? Soap11.getInstance().getReceiver() : Soap11.getInstance().getSender());
        addDetail(fault, outcome, reason, reference);
        return fault;
    }

    /** Adds the {@code Fout} detail to a fault that does not have one yet. */
    static void addDetail(SoapFault fault, InboundOutcome outcome, String reason, UUID reference) {
        Fout detail = new Fout();
        detail.setCode(code(outcome));
        detail.setOmschrijving(reason);
        detail.setReferentienummer(reference);
        try {
            Element container = fault.getOrCreateDetail();
            CONTEXT.createMarshaller().marshal(detail, container);
        } catch (JAXBException e) {
            throw new IllegalStateException("Fault detail cannot be written", e);
        }
    }

    static boolean hasDetail(SoapFault fault) {
        Element detail = fault.getDetail();
        if (detail == null) {
            return false;
        }
        for (org.w3c.dom.Node n = detail.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && FOUT.getNamespaceURI().equals(e.getNamespaceURI())
                    && FOUT.getLocalPart().equals(e.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    /** The outcome named by the {@code Fout} detail of a fault that has one. */
    static InboundOutcome outcomeOf(SoapFault fault) {
        for (org.w3c.dom.Node n = fault.getDetail().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && FOUT.getNamespaceURI().equals(e.getNamespaceURI())
                    && FOUT.getLocalPart().equals(e.getLocalName())) {
                for (org.w3c.dom.Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element code && "Code".equals(code.getLocalName())) {
                        Resultaatcode value = Resultaatcode.fromValue(code.getTextContent().trim());
                        for (InboundOutcome outcome : InboundOutcome.values()) {
                            if (code(outcome) == value) {
                                return outcome;
                            }
                        }
                    }
                }
            }
        }
        return InboundOutcome.INTERNAL_ERROR;
    }

    static Resultaatcode code(InboundOutcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> Resultaatcode.GEACCEPTEERD;
            case SCHEMA_INVALID -> Resultaatcode.SCHEMA_ONGELDIG;
            case UNKNOWN_CONVERSATION -> Resultaatcode.ONBEKENDE_CONVERSATIE;
            case REPLY_NOT_PERMITTED -> Resultaatcode.ANTWOORD_NIET_TOEGESTAAN;
            case NOT_AUTHORIZED -> Resultaatcode.NIET_GEAUTORISEERD;
            case REPLAY_CONFLICT -> Resultaatcode.REFERENTIENUMMER_HERGEBRUIKT;
            case INTERNAL_ERROR -> Resultaatcode.INTERNE_FOUT;
            case NOT_PROCESSED -> Resultaatcode.NIET_VERWERKT;
            case BUSINESS_KEY_MISMATCH -> Resultaatcode.SLEUTEL_ONJUIST;
            case NO_CONVENANT -> Resultaatcode.GEEN_CONVENANT;
        };
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(Fout.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
