package nl.knooppunt.gateway.channel.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.mappings.soap.types.Resultaatcode;
import org.apache.cxf.binding.soap.SoapFault;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Every outcome of the inbound door has a Resultaatcode of its own in the SOAP contract, so that a
 * creditor's system can tell every refusal apart by code, and a fault read back names its outcome.
 */
class SoapOutcomeCodesTest {

    @Test
    void everyOutcomeHasAResultaatcodeOfItsOwn() {
        Set<Resultaatcode> codes = EnumSet.noneOf(Resultaatcode.class);
        for (InboundOutcome outcome : InboundOutcome.values()) {
            assertThat(codes.add(SoapFaults.code(outcome))).as("%s shares its Resultaatcode", outcome).isTrue();
        }
    }

    @Test
    void aFaultReadBackNamesItsOutcome() {
        for (InboundOutcome outcome : InboundOutcome.values()) {
            if (outcome == InboundOutcome.ACCEPTED) {
                continue;
            }
            SoapFault fault = SoapFaults.fault(outcome, "reason", UUID.randomUUID());
            assertThat(SoapFaults.outcomeOf(fault)).isEqualTo(outcome);
        }
    }

    @Test
    void aBusinessKeyMismatchIsAClientFaultSleutelOnjuist() {
        SoapFault fault = SoapFaults.fault(InboundOutcome.BUSINESS_KEY_MISMATCH,
                "KlantnummerSHV is not the SHV's client number; nothing was changed", UUID.randomUUID());

        assertThat(fault.getFaultCode().getLocalPart()).isEqualTo("Client");
        assertThat(detail(fault, "Code")).isEqualTo("SLEUTEL_ONJUIST");
        assertThat(detail(fault, "Omschrijving")).startsWith("KlantnummerSHV");
    }

    @Test
    void noConvenantIsGeenConvenant() {
        SoapFault fault = SoapFaults.fault(InboundOutcome.NO_CONVENANT, "no convenant", null);

        assertThat(fault.getFaultCode().getLocalPart()).isEqualTo("Client");
        assertThat(detail(fault, "Code")).isEqualTo("GEEN_CONVENANT");
    }

    private static String detail(SoapFault fault, String element) {
        Element fout = (Element) fault.getDetail().getElementsByTagNameNS(SoapFaults.FOUT.getNamespaceURI(),
                SoapFaults.FOUT.getLocalPart()).item(0);
        return fout.getElementsByTagNameNS("*", element).item(0).getTextContent();
    }
}
