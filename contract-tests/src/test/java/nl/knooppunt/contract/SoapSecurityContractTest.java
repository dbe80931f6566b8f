package nl.knooppunt.contract;

import static nl.knooppunt.contract.support.RawSoapClient.Part.ACTION;
import static nl.knooppunt.contract.support.RawSoapClient.Part.BODY;
import static nl.knooppunt.contract.support.RawSoapClient.Part.MESSAGE_ID;
import static nl.knooppunt.contract.support.RawSoapClient.Part.TIMESTAMP;
import static nl.knooppunt.contract.support.RawSoapClient.Part.TO;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.knooppunt.contract.support.Answers;
import nl.knooppunt.contract.support.ContractPki;
import nl.knooppunt.contract.support.RawSoapClient;
import nl.knooppunt.contract.support.RawSoapClient.Part;
import nl.knooppunt.mappings.soap.SoapMessages;
import nl.knooppunt.mappings.soap.types.VerstuurBerichtVerzoek;
import nl.knooppunt.mappings.xml.jaxb.Bericht;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a WS-Security signature must cover, and requests from creditors' systems that are not CXF:
 * written and signed by hand (WSS4J's DOM API) and sent as raw bytes, as a non-Java SOAP stack
 * would — or an attacker.
 */
@ExtendWith(OutputCaptureExtension.class)
class SoapSecurityContractTest extends SoapContractTestBase {

    private static final String OPERATION = "VerstuurBericht";

    /** A dossier whose Saldoverzoek the SOAP creditor has received; returns its id and an answer to it. */
    private record Delivered(String dossierId, Bericht answer, Bericht saldoverzoek) {}

    private Delivered delivered() throws Exception {
        JsonNode dossier = submitDossier(ContractPki.SOAP_CREDITOR);
        String reference = dossier.at("/messages/0/reference").asText();
        awaitStatus(reference, "DELIVERED");
        Bericht saldoverzoek = CREDITORS.receivedBy(ContractPki.SOAP_CREDITOR).stream()
                .flatMap(r -> r.messages().stream())
                .filter(m -> m.getHeader().getReferentienummer().toString().equals(reference))
                .findFirst().orElseThrow();
        return new Delivered(dossier.get("id").asText(),
                Answers.saldoverzoekAntwoord(saldoverzoek, new BigDecimal("555.55")), saldoverzoek);
    }

    private Document envelope(Bericht message) {
        return RawSoapClient.envelope(OPERATION, SoapMessages.withMessage(new VerstuurBerichtVerzoek(), message),
                RawSoapClient.endpoint(port));
    }

    private RawSoapClient.Response send(Document envelope) {
        return RawSoapClient.post(port, ContractPki.SOAP_CREDITOR, OPERATION, RawSoapClient.bytes(envelope));
    }

    private RawSoapClient.Response signedOnly(Bericht answer, Set<Part> parts) {
        return send(RawSoapClient.sign(envelope(answer), ContractPki.SOAP_CREDITOR, true, parts));
    }

    private static void assertRefused(RawSoapClient.Response response, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(500);
        assertThat(response.faultCode()).as(response.body()).isEqualTo("Client");
        assertThat(response.foutCode()).as(response.body()).isEqualTo(code);
    }

    @Test
    void theOrdinaryDigikoppelingFormIsAccepted() throws Exception {
        Delivered delivered = delivered();
        // One X509v3 BinarySecurityToken (the gateway completes the chain), every required part signed.
        Document request = RawSoapClient.sign(envelope(delivered.answer()), ContractPki.SOAP_CREDITOR, true, Part.all());
        byte[] bytes = RawSoapClient.bytes(request);
        // Kept for docs/onboarding/soap.md, whose raw example is a request like this one.
        Path example = Path.of("target/soap-examples/verstuurbericht-signed.xml");
        Files.createDirectories(example.getParent());
        Files.write(example, bytes);

        RawSoapClient.Response response = RawSoapClient.post(port, ContractPki.SOAP_CREDITOR, OPERATION, bytes);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.resultCode()).isEqualTo("GEACCEPTEERD");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("#X509v3").doesNotContain("X509PKIPathv1")
                .doesNotContain("TokenType");
        assertThat(dossier(delivered.dossierId()).at("/claims/0/status").asText()).isEqualTo("SALDO_CONFIRMED");
        assertThat(structure(documentedExample())).as("the example in docs/onboarding/soap.md")
                .isEqualTo(structure(RawSoapClient.parse(bytes)));
    }

    /** The raw request shown in the SOAP onboarding guide. */
    private static Document documentedExample() throws Exception {
        Path guide = Path.of(System.getProperty("knooppunt.contract-dir", "../docs/api"), "..", "onboarding", "soap.md");
        String text = Files.readString(guide);
        int start = text.indexOf("```xml", text.indexOf("<!-- signed-request-example -->")) + "```xml".length();
        return RawSoapClient.parse(text.substring(start, text.indexOf("```", start)).trim().getBytes(StandardCharsets.UTF_8));
    }

    /** Every element in document order with the names of its attributes: the shape, not the values. */
    private static List<String> structure(Document document) {
        List<String> shape = new ArrayList<>();
        walk(document.getDocumentElement(), shape);
        return shape;
    }

    private static void walk(Element element, List<String> shape) {
        List<String> attributes = new ArrayList<>();
        NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Node attribute = map.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
                attributes.add(attribute.getLocalName());
            }
        }
        Collections.sort(attributes);
        shape.add("{" + element.getNamespaceURI() + "}" + element.getLocalName() + attributes);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                walk(e, shape);
            }
        }
    }

    @Test
    void theCertificatePathFormIsAcceptedToo() throws Exception {
        Delivered delivered = delivered();
        Document request = RawSoapClient.sign(envelope(delivered.answer()), ContractPki.SOAP_CREDITOR, false, Part.all());

        assertThat(send(request).resultCode()).isEqualTo("GEACCEPTEERD");
    }

    @Test
    void anUnsignedBodyIsRefusedAndChangesNothing() throws Exception {
        Delivered delivered = delivered();
        Snapshot before = snapshot(delivered.dossierId());

        assertRefused(signedOnly(delivered.answer(), EnumSet.of(TIMESTAMP, TO, ACTION, MESSAGE_ID)), "NIET_GEAUTORISEERD");
        assertRefused(signedOnly(delivered.answer(), EnumSet.of(TO)), "NIET_GEAUTORISEERD");
        assertRefused(signedOnly(delivered.answer(), EnumSet.of(TIMESTAMP)), "NIET_GEAUTORISEERD");

        assertThat(snapshot(delivered.dossierId())).isEqualTo(before);
    }

    @Test
    void unsignedTimestampOrAddressingHeadersAreRefused() throws Exception {
        Delivered delivered = delivered();
        Snapshot before = snapshot(delivered.dossierId());

        assertRefused(signedOnly(delivered.answer(), EnumSet.of(BODY, TO, ACTION, MESSAGE_ID)), "NIET_GEAUTORISEERD");
        assertRefused(signedOnly(delivered.answer(), EnumSet.of(BODY, TIMESTAMP)), "NIET_GEAUTORISEERD");
        assertRefused(signedOnly(delivered.answer(), EnumSet.of(BODY, TIMESTAMP, ACTION, MESSAGE_ID)), "NIET_GEAUTORISEERD");
        assertRefused(signedOnly(delivered.answer(), EnumSet.of(BODY, TIMESTAMP, TO, MESSAGE_ID)), "NIET_GEAUTORISEERD");
        assertRefused(signedOnly(delivered.answer(), EnumSet.of(BODY, TIMESTAMP, TO, ACTION)), "NIET_GEAUTORISEERD");

        assertThat(snapshot(delivered.dossierId())).isEqualTo(before);
    }

    @Test
    void aSignedBodyMovedAsideForAnotherIsRefused() throws Exception {
        Delivered delivered = delivered();
        Snapshot before = snapshot(delivered.dossierId());
        // The attacker holds a genuine signed message of the creditor (another amount), and puts its own
        // answer in the Body, hiding the signed Body elsewhere in the envelope.
        Bericht genuine = Answers.saldoverzoekAntwoord(delivered.saldoverzoek(), new BigDecimal("1.00"));
        Object forged = SoapMessages.withMessage(new VerstuurBerichtVerzoek(), delivered.answer());

        // The signed Body after the forged one: WSS4J verifies the signature, which covers no Body in its place.
        Document afterBody = RawSoapClient.wrapSignedBody(
                RawSoapClient.sign(envelope(genuine), ContractPki.SOAP_CREDITOR, true, Part.all()), forged, false);
        assertRefused(send(afterBody), "NIET_GEAUTORISEERD");

        // The signed Body in a header: the envelope itself is refused before any signature is looked at.
        Document inHeader = RawSoapClient.wrapSignedBody(
                RawSoapClient.sign(envelope(genuine), ContractPki.SOAP_CREDITOR, true, Part.all()), forged, true);
        RawSoapClient.Response refused = send(inHeader);
        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.faultCode()).isEqualTo("Client");
        assertThat(snapshot(delivered.dossierId())).isEqualTo(before);
    }

    @Test
    void aSignedAddressingHeaderMovedAsideForAnotherIsRefused() throws Exception {
        Delivered delivered = delivered();
        Snapshot before = snapshot(delivered.dossierId());
        Document signed = RawSoapClient.sign(envelope(delivered.answer()), ContractPki.SOAP_CREDITOR, true, Part.all());

        assertRefused(send(RawSoapClient.wrapSignedHeader(signed, TO, "https://elsewhere.example/")), "NIET_GEAUTORISEERD");
        assertThat(snapshot(delivered.dossierId())).isEqualTo(before);
    }

    @Test
    void aSecondSignatureByAnotherOrganisationIsRefused() throws Exception {
        Delivered delivered = delivered();
        Snapshot before = snapshot(delivered.dossierId());
        Document signed = RawSoapClient.sign(envelope(delivered.answer()), ContractPki.SOAP_CREDITOR, true, Part.all());
        RawSoapClient.countersign(signed, ContractPki.FAILING_CREDITOR, EnumSet.of(BODY));

        assertRefused(send(signed), "NIET_GEAUTORISEERD");
        assertThat(snapshot(delivered.dossierId())).isEqualTo(before);
    }

    @Test
    void aMalformedSecurityTokenIsTheCallersFaultWithOneWarningAndNoStackTrace(CapturedOutput output) throws Exception {
        Delivered delivered = delivered();
        Snapshot before = snapshot(delivered.dossierId());
        // Bytes that are no certificate, and text that is not even base64.
        for (String token : new String[] {"bm90IGEgY2VydGlmaWNhdGUgYXQgYWxs", "%%% not base64 %%%"}) {
            Document signed = RawSoapClient.sign(envelope(delivered.answer()), ContractPki.SOAP_CREDITOR, true, Part.all());
            int from = output.getAll().length();

            assertRefused(send(RawSoapClient.corruptBinarySecurityToken(signed, token)), "NIET_GEAUTORISEERD");

            String logged = output.getAll().substring(from);
            assertThat(logged).doesNotContain("ERROR").doesNotContain("\tat ").doesNotContain("Exception:");
            assertThat(logged.lines().filter(l -> l.contains("NIET_GEAUTORISEERD")).toList()).singleElement()
                    .satisfies(line -> assertThat(line).contains(" WARN "));
        }
        assertThat(snapshot(delivered.dossierId())).isEqualTo(before);
    }

    @Test
    void aSoap12EnvelopeGetsAVersionMismatchFault(CapturedOutput output) {
        String soap12 = """
                <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope">
                  <env:Body><HaalBerichtenOpVerzoek xmlns="urn:knooppunt:diensten:v2"/></env:Body>
                </env:Envelope>""";
        int from = output.getAll().length();

        RawSoapClient.Response response = RawSoapClient.post(port, ContractPki.SOAP_CREDITOR,
                "application/soap+xml; charset=UTF-8", null, soap12.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.body()).isEqualTo(500);
        assertThat(response.body()).contains(RawSoapClient.SOAP11);
        assertThat(response.faultCode()).as(response.body()).isEqualTo("VersionMismatch");
        String logged = output.getAll().substring(from);
        assertThat(logged).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    @Test
    void businessRefusalsAreLoggedAsOneLineWithTheirCode(CapturedOutput output) throws Exception {
        Delivered delivered = delivered();
        Document request = RawSoapClient.sign(envelope(Answers.inUnknownConversation(delivered.answer())),
                ContractPki.SOAP_CREDITOR, true, Part.all());
        int from = output.getAll().length();

        assertRefused(send(request), "ONBEKENDE_CONVERSATIE");

        String logged = output.getAll().substring(from);
        assertThat(logged).doesNotContain("ERROR").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(logged.lines().filter(l -> l.contains("ONBEKENDE_CONVERSATIE")).toList()).hasSize(1);
    }
}
