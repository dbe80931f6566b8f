package nl.knooppunt.mappings.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Marshaller;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.soap.types.VerstuurBerichtVerzoek;
import nl.knooppunt.mappings.soap.types.VerstuurBerichtenVerzoek;
import nl.knooppunt.mappings.xml.XmlCanonicalMapper;
import nl.knooppunt.mappings.xml.XmlMessageCodec;
import nl.knooppunt.mappings.xml.jaxb.Bericht;
import nl.knooppunt.mappings.xml.jaxb.SaldoverzoekAntwoord;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SOAP contract: the WSDLs refer only to elements that exist, and requests validate against it. */
class SoapContractTest {

    static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    private static Message golden(String type) throws Exception {
        try (InputStream in = SoapContractTest.class.getResourceAsStream("/golden/xml/" + type + ".xml")) {
            return new XmlMessageCodec().read(in);
        }
    }

    private static Document parse(String resource) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = SoapContractTest.class.getResourceAsStream(resource)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    /** Global elements per namespace, read from the two schemas. */
    private static Set<QName> globalElements() throws Exception {
        Set<QName> elements = new HashSet<>();
        for (String xsd : List.of("/nl/knooppunt/mappings/xsd/schuldregeling-v2.xsd",
                "/nl/knooppunt/mappings/wsdl/knooppunt-diensten-v2.xsd")) {
            Element schema = parse(xsd).getDocumentElement();
            String namespace = schema.getAttribute("targetNamespace");
            NodeList children = schema.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element e && XS.equals(e.getNamespaceURI())
                        && "element".equals(e.getLocalName())) {
                    elements.add(new QName(namespace, e.getAttribute("name")));
                }
            }
        }
        return elements;
    }

    @Test
    void everyWsdlMessagePartIsAnElementOfTheContract() throws Exception {
        Set<QName> elements = globalElements();
        for (String wsdl : List.of("knooppunt-v2.wsdl", "schuldeiser-v2.wsdl")) {
            Element definitions = parse("/nl/knooppunt/mappings/wsdl/" + wsdl).getDocumentElement();
            NodeList parts = definitions.getElementsByTagNameNS(WSDL, "part");
            assertThat(parts.getLength()).as(wsdl).isPositive();
            for (int i = 0; i < parts.getLength(); i++) {
                Element part = (Element) parts.item(i);
                String[] ref = part.getAttribute("element").split(":");
                QName element = new QName(part.lookupNamespaceURI(ref[0]), ref[1]);
                assertThat(elements).as(wsdl + " part " + part.getAttribute("name")).contains(element);
            }
        }
    }

    @Test
    void generatedInterfacesCarryEveryOperationOfTheWsdls() {
        assertThat(List.of(KnooppuntPortType.class.getMethods())).extracting(java.lang.reflect.Method::getName)
                .contains("verstuurBericht", "verstuurBerichten", "haalBerichtenOp", "bevestigBerichten");
        assertThat(List.of(SchuldeiserPortType.class.getMethods())).extracting(java.lang.reflect.Method::getName)
                .contains("leverBatch");
    }

    @Test
    void oneMessageGoesInAndComesOutOfAChoiceHolder() throws Exception {
        Bericht answer = new XmlCanonicalMapper().toJaxb(golden("SaldoverzoekAntwoord"));
        VerstuurBerichtVerzoek request = SoapMessages.withMessage(new VerstuurBerichtVerzoek(), answer);

        assertThat(request.getSaldoverzoekAntwoord()).isSameAs(answer);
        assertThat(SoapMessages.messageOf(request)).isSameAs(answer);
        assertThatThrownBy(() -> SoapMessages.messageOf(new VerstuurBerichtVerzoek()))
                .hasMessageContaining("exactly one");
    }

    @Test
    void requestWithSeveralAnswersValidatesAgainstTheServiceSchema() throws Exception {
        VerstuurBerichtenVerzoek request = new VerstuurBerichtenVerzoek();
        XmlCanonicalMapper mapper = new XmlCanonicalMapper();
        SoapMessages.messagesOf(request).add(mapper.toJaxb(golden("SaldoverzoekAntwoord")));
        SoapMessages.messagesOf(request).add(mapper.toJaxb(golden("GeenMedewerking")));

        Marshaller marshaller = JAXBContext.newInstance(VerstuurBerichtenVerzoek.class).createMarshaller();
        URL xsd = SoapContractTest.class.getResource("/nl/knooppunt/mappings/wsdl/knooppunt-diensten-v2.xsd");
        Schema schema = SchemaFactory.newInstance(XS).newSchema(xsd);
        marshaller.setSchema(schema);
        StringWriter xml = new StringWriter();
        marshaller.marshal(request, xml);

        assertThat(xml.toString()).contains("SaldoverzoekAntwoord").contains("GeenMedewerking");
        assertThat(SoapMessages.messagesOf(request)).hasSize(2)
                .first().isInstanceOf(SaldoverzoekAntwoord.class);
        schema.newValidator().validate(new StreamSource(new java.io.StringReader(xml.toString())));
    }
}
