package nl.knooppunt.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.contract.support.Answers;
import nl.knooppunt.contract.support.ContractPki;
import nl.knooppunt.contract.support.GatewaySoapClient;
import nl.knooppunt.mappings.ContractTypes;
import nl.knooppunt.mappings.soap.FoutMelding;
import nl.knooppunt.mappings.soap.KnooppuntPortType;
import nl.knooppunt.mappings.soap.SoapMessages;
import nl.knooppunt.mappings.soap.types.Resultaatcode;
import nl.knooppunt.mappings.soap.types.VerstuurBerichtVerzoek;
import nl.knooppunt.mappings.xml.jaxb.Bericht;
import nl.knooppunt.mappings.xml.jaxb.SaldoverzoekAntwoord;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.interceptor.StaxOutInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.junit.jupiter.api.Test;

/**
 * A creditor's answer over SOAP that breaks a limit of the contract — a field one over its XSD
 * length, or a control character XML 1.0 cannot carry — is the creditor's mistake: refused with
 * SCHEMA_ONGELDIG and SOAP fault code Client (never INTERNE_FOUT, which invites retries), and it
 * changes nothing. The limits come from the XSD itself ({@link ContractTypes}).
 */
class SoapAnswerLimitsContractTest extends SoapContractTestBase {

    /** A dossier whose Saldoverzoek was delivered to the SOAP creditor, and that Saldoverzoek. */
    private record Delivered(String dossierId, Bericht saldoverzoek) {}

    private Delivered deliveredSaldoverzoek() throws Exception {
        JsonNode dossier = submitDossier(ContractPki.SOAP_CREDITOR);
        String reference = dossier.at("/messages/0/reference").asText();
        awaitStatus(reference, "DELIVERED");
        Bericht saldoverzoek = CREDITORS.receivedBy(ContractPki.SOAP_CREDITOR).stream()
                .flatMap(r -> r.messages().stream())
                .filter(m -> m.getHeader().getReferentienummer().toString().equals(reference))
                .findFirst().orElseThrow();
        return new Delivered(dossier.get("id").asText(), saldoverzoek);
    }

    private static VerstuurBerichtVerzoek request(Bericht message) {
        return SoapMessages.withMessage(new VerstuurBerichtVerzoek(), message);
    }

    private static int maxLength(String xsdType) {
        return ContractTypes.text(xsdType).maxLength().orElseThrow();
    }

    @Test
    void answerWithAFieldOneOverItsXsdLimitIsRefusedAsSchemaInvalidAndChangesNothing() throws Exception {
        Delivered delivered = deliveredSaldoverzoek();
        Snapshot before = snapshot(delivered.dossierId());

        assertRefusedAsSchemaInvalid(delivered, a -> a.setKlantnummerSE("S".repeat(maxLength("Kenmerk") + 1)));
        assertRefusedAsSchemaInvalid(delivered, a -> a.getContactpersoon().setNaam("N".repeat(maxLength("Naam") + 1)));
        assertRefusedAsSchemaInvalid(delivered, a -> a.getVorderingen().getVordering().get(0)
                .setFactuurnummerSE("F".repeat(maxLength("Kenmerk") + 1)));
        assertRefusedAsSchemaInvalid(delivered, a -> a.getVorderingen().getVordering().get(0)
                .setOmschrijving("O".repeat(maxLength("Naam") + 1)));

        assertThat(snapshot(delivered.dossierId())).isEqualTo(before);
        // At the limit, the same answer is accepted: it was the length that was refused.
        SaldoverzoekAntwoord atLimit = answer(delivered);
        atLimit.setKlantnummerSE("S".repeat(maxLength("Kenmerk")));
        atLimit.getContactpersoon().setNaam("N".repeat(maxLength("Naam")));
        assertThat(GatewaySoapClient.as(ContractPki.SOAP_CREDITOR).connect(port).verstuurBericht(request(atLimit))
                .getResultaat().getCode()).isEqualTo(Resultaatcode.GEACCEPTEERD);
    }

    @Test
    void answerWithAControlCharacterIsRefusedAsSchemaInvalidAndChangesNothing() throws Exception {
        Delivered delivered = deliveredSaldoverzoek();
        Snapshot before = snapshot(delivered.dossierId());

        // A control character XML 1.0 allows as a character (tab) but the contract's text types do not.
        assertRefusedAsSchemaInvalid(delivered, a -> a.getContactpersoon().setNaam("Afdeling\tSchuldhulp"));
        // Characters XML 1.0 cannot carry at all, put on the wire after signing: as character
        // references and as a raw byte. The gateway's parser refuses them before anything else.
        for (String onTheWire : new String[] {"&#1;", "&#0;", "&#x1F;", "\u0001"}) {
            SaldoverzoekAntwoord answer = answer(delivered);
            answer.setKlantnummerSE("SE-CONTROL-HERE");
            KnooppuntPortType soap = GatewaySoapClient.as(ContractPki.SOAP_CREDITOR).connect(port);
            Client client = ClientProxy.getClient(soap);
            client.getOutInterceptors().add(new WireRewrite("CONTROL-HERE", "CONTROL" + onTheWire + "HERE"));
            FaultCode faultCode = new FaultCode();
            client.getInInterceptors().add(faultCode);

            assertThat(codeOf(soap, answer)).as("%s on the wire", onTheWire.replace("\u0001", "U+0001"))
                    .isEqualTo(Resultaatcode.SCHEMA_ONGELDIG);
            assertThat(faultCode.localPart()).as("SOAP fault code").isEqualTo("Client");
        }

        assertThat(snapshot(delivered.dossierId())).isEqualTo(before);
        assertThat(GatewaySoapClient.as(ContractPki.SOAP_CREDITOR).connect(port).verstuurBericht(request(answer(delivered)))
                .getResultaat().getCode()).isEqualTo(Resultaatcode.GEACCEPTEERD);
    }

    private void assertRefusedAsSchemaInvalid(Delivered delivered, Consumer<SaldoverzoekAntwoord> spoil) {
        SaldoverzoekAntwoord answer = answer(delivered);
        spoil.accept(answer);
        KnooppuntPortType soap = GatewaySoapClient.as(ContractPki.SOAP_CREDITOR).connect(port);
        FaultCode faultCode = new FaultCode();
        ClientProxy.getClient(soap).getInInterceptors().add(faultCode);

        assertThat(codeOf(soap, answer)).isEqualTo(Resultaatcode.SCHEMA_ONGELDIG);
        assertThat(faultCode.localPart()).as("SOAP fault code").isEqualTo("Client");
    }

    private static SaldoverzoekAntwoord answer(Delivered delivered) {
        return (SaldoverzoekAntwoord) Answers.saldoverzoekAntwoord(delivered.saldoverzoek(), new BigDecimal("42.00"));
    }

    private static Resultaatcode codeOf(KnooppuntPortType soap, Bericht answer) {
        try {
            soap.verstuurBericht(request(answer));
        } catch (FoutMelding fout) {
            return fout.getFaultInfo().getCode();
        }
        throw new AssertionError("Expected a fault");
    }

    /** The SOAP fault code (Client or Server) of the response, read from the bytes as they arrive. */
    private static final class FaultCode extends AbstractPhaseInterceptor<Message> {
        private static final Pattern FAULTCODE = Pattern.compile("<faultcode[^>]*>\\s*([^<\\s]+)\\s*</faultcode>");
        volatile String code;

        FaultCode() {
            super(Phase.RECEIVE);
        }

        @Override
        public void handleMessage(Message message) {
            try {
                byte[] body = message.getContent(InputStream.class).readAllBytes();
                message.setContent(InputStream.class, new ByteArrayInputStream(body));
                Matcher matcher = FAULTCODE.matcher(new String(body, StandardCharsets.UTF_8));
                code = matcher.find() ? matcher.group(1) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Client, Server, or null without a fault. */
        String localPart() {
            return code == null ? null : code.substring(code.indexOf(':') + 1);
        }
    }

    /**
     * Replaces text in the request bytes as they leave, after signing: what no XML writer would
     * produce, as a hostile or broken creditor system might send it.
     */
    private static final class WireRewrite extends AbstractPhaseInterceptor<Message> {
        private final String from;
        private final String to;

        WireRewrite(String from, String to) {
            super(Phase.PRE_STREAM);
            addBefore(StaxOutInterceptor.class.getName());
            this.from = from;
            this.to = to;
        }

        @Override
        public void handleMessage(Message message) {
            OutputStream wire = message.getContent(OutputStream.class);
            message.setContent(OutputStream.class, new ByteArrayOutputStream() {
                @Override
                public void close() throws IOException {
                    String xml = toString(StandardCharsets.UTF_8);
                    if (!xml.contains(from)) {
                        throw new IOException("marker not found in the request");
                    }
                    wire.write(xml.replace(from, to).getBytes(StandardCharsets.UTF_8));
                    wire.close();
                }
            });
        }
    }
}
