package nl.knooppunt.gateway.channel.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.UUID;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.mappings.soap.types.Resultaatcode;
import org.apache.cxf.binding.soap.SoapFault;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Every outcome has a SOAP Resultaatcode; the outcomes of issue 14's answers slice, which the
 * contract's enumeration does not have yet, share one and carry their stable code at the start of
 * the Omschrijving.
 */
class SoapOutcomeCodesTest {

    @Test
    void everyOutcomeHasAResultaatcode() {
        for (InboundOutcome outcome : InboundOutcome.values()) {
            assertThatCode(() -> SoapFaults.code(outcome)).as(outcome.name()).doesNotThrowAnyException();
        }
    }

    @Test
    void aBusinessKeyMismatchIsAClientFaultAntwoordNietToegestaanNamedInTheOmschrijving() {
        SoapFault fault = SoapFaults.fault(InboundOutcome.BUSINESS_KEY_MISMATCH,
                "KlantnummerSHV is not the SHV's client number; nothing was changed", UUID.randomUUID());

        assertThat(SoapFaults.code(InboundOutcome.BUSINESS_KEY_MISMATCH)).isEqualTo(Resultaatcode.ANTWOORD_NIET_TOEGESTAAN);
        assertThat(fault.getFaultCode().getLocalPart()).isEqualTo("Client");
        assertThat(detail(fault, "Code")).isEqualTo("ANTWOORD_NIET_TOEGESTAAN");
        assertThat(detail(fault, "Omschrijving")).startsWith("inbound-business-key-mismatch: KlantnummerSHV");
    }

    @Test
    void noConvenantIsNietGeautoriseerdNamedInTheOmschrijving() {
        SoapFault fault = SoapFaults.fault(InboundOutcome.NO_CONVENANT, "no convenant", null);

        assertThat(detail(fault, "Code")).isEqualTo("NIET_GEAUTORISEERD");
        assertThat(detail(fault, "Omschrijving")).isEqualTo("inbound-no-convenant: no convenant");
        // The other outcomes keep their Omschrijving as it was.
        assertThat(SoapFaults.omschrijving(InboundOutcome.REPLY_NOT_PERMITTED, "x")).isEqualTo("x");
    }

    private static String detail(SoapFault fault, String element) {
        Element fout = (Element) fault.getDetail().getElementsByTagNameNS(SoapFaults.FOUT.getNamespaceURI(),
                SoapFaults.FOUT.getLocalPart()).item(0);
        return fout.getElementsByTagNameNS("*", element).item(0).getTextContent();
    }
}
