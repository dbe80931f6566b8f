package nl.knooppunt.contract.support;

import jakarta.xml.bind.JAXBContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A creditor's system that is not CXF: it writes the SOAP envelope itself, signs it with WSS4J's DOM
 * API the way common non-Java stacks do (one X509v3 BinarySecurityToken or the whole path, exclusive
 * canonicalisation, RSA-SHA256 or ECDSA-SHA256, SHA-256 digests) and POSTs the bytes over mutual TLS
 * with the JDK's HttpClient. It can also sign less than it should, or move signed parts afterwards,
 * as an attacker would.
 */
public final class RawSoapClient {

    public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    public static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String SERVICE = "urn:knooppunt:diensten:v2";

    /** What a signature can cover. */
    public enum Part {
        BODY("Body", SOAP11), TIMESTAMP("Timestamp", WSU), TO("To", WSA), ACTION("Action", WSA),
        MESSAGE_ID("MessageID", WSA);

        final String localName;
        final String namespace;

        Part(String localName, String namespace) {
            this.localName = localName;
            this.namespace = namespace;
        }

        /** Everything the gateway requires to be signed. */
        public static Set<Part> all() {
            return EnumSet.allOf(Part.class);
        }
    }

    /** The gateway's answer: the HTTP status and the SOAP envelope. */
    public record Response(int status, String body) {

        /** The local part of the fault code (e.g. Client, VersionMismatch), or null for no fault. */
        public String faultCode() {
            String code = text(body, "faultcode");
            if (code == null) {
                code = text(body, "Value");
            }
            return code == null ? null : code.substring(code.indexOf(':') + 1);
        }

        /** The stable code of the fault detail (Fout/Code), or null. */
        public String foutCode() {
            Document doc = parse(body.getBytes(StandardCharsets.UTF_8));
            NodeList fouten = doc.getElementsByTagNameNS(SERVICE, "Fout");
            if (fouten.getLength() == 0) {
                return null;
            }
            NodeList codes = ((Element) fouten.item(0)).getElementsByTagNameNS(SERVICE, "Code");
            return codes.getLength() == 0 ? null : codes.item(0).getTextContent();
        }

        /** The result code of an accepted VerstuurBericht (Resultaat/Code), or null. */
        public String resultCode() {
            Document doc = parse(body.getBytes(StandardCharsets.UTF_8));
            NodeList results = doc.getElementsByTagNameNS(SERVICE, "Resultaat");
            if (results.getLength() == 0) {
                return null;
            }
            NodeList codes = ((Element) results.item(0)).getElementsByTagNameNS(SERVICE, "Code");
            return codes.getLength() == 0 ? null : codes.item(0).getTextContent();
        }

        private static String text(String xml, String localName) {
            NodeList nodes = parse(xml.getBytes(StandardCharsets.UTF_8)).getElementsByTagNameNS("*", localName);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
        }
    }

    private RawSoapClient() {}

    /**
     * A SOAP 1.1 envelope for one operation of the gateway's service: WS-Addressing To, Action and
     * MessageID, and the request (a JAXB object of the service types) in the Body.
     */
    public static Document envelope(String operation, Object request, String to) {
        try {
            Document doc = newDocument();
            Element envelope = doc.createElementNS(SOAP11, "soap:Envelope");
            doc.appendChild(envelope);
            Element header = doc.createElementNS(SOAP11, "soap:Header");
            envelope.appendChild(header);
            addressing(doc, header, "To", to);
            addressing(doc, header, "Action", SERVICE + ":" + operation);
            addressing(doc, header, "MessageID", "urn:uuid:" + UUID.randomUUID());
            Element body = doc.createElementNS(SOAP11, "soap:Body");
            envelope.appendChild(body);
            JAXBContext.newInstance(request.getClass()).createMarshaller().marshal(request, body);
            // Read back from its bytes, as a receiver will: namespace declarations become real
            // attributes, which canonicalisation needs to digest what is actually sent.
            return parse(bytes(doc));
        } catch (Exception e) {
            throw new IllegalStateException("The envelope cannot be written", e);
        }
    }

    private static void addressing(Document doc, Element header, String name, String value) {
        Element element = doc.createElementNS(WSA, "wsa:" + name);
        element.setTextContent(value);
        header.appendChild(element);
    }

    /**
     * Adds a WS-Security header with a Timestamp and a signature by the participant over the given parts.
     *
     * @param singleCertificate one X509v3 BinarySecurityToken (the common form) instead of the X509PKIPathv1 path
     */
    public static Document sign(Document envelope, String participant, boolean singleCertificate, Set<Part> parts) {
        try {
            WSSecHeader security = new WSSecHeader(envelope);
            security.setMustUnderstand(true);
            security.insertSecurityHeader();
            WSSecTimestamp timestamp = new WSSecTimestamp(security);
            timestamp.setTimeToLive(300);
            timestamp.build();
            addSignature(security, participant, singleCertificate, parts);
            return envelope;
        } catch (Exception e) {
            throw new IllegalStateException("The envelope cannot be signed", e);
        }
    }

    /** Adds one more signature to an envelope that has a WS-Security header already. */
    public static Document countersign(Document envelope, String participant, Set<Part> parts) {
        try {
            WSSecHeader security = new WSSecHeader(envelope);
            Element existing = (Element) envelope.getElementsByTagNameNS(WSSE, "Security").item(0);
            security.setSecurityHeaderElement(existing);
            addSignature(security, participant, true, parts);
            return envelope;
        } catch (Exception e) {
            throw new IllegalStateException("The envelope cannot be countersigned", e);
        }
    }

    private static void addSignature(WSSecHeader security, String participant, boolean singleCertificate,
                                     Set<Part> parts) throws Exception {
        WSSecSignature signature = new WSSecSignature(security);
        signature.setUserInfo(participant, ContractPki.PASSWORD);
        signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        signature.setUseSingleCertificate(singleCertificate);
        boolean ec = ContractPki.PKI.participant(participant).keyType().name().startsWith("EC");
        signature.setSignatureAlgorithm(ec ? "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
                : "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        signature.setDigestAlgo("http://www.w3.org/2001/04/xmlenc#sha256");
        signature.setSigCanonicalization("http://www.w3.org/2001/10/xml-exc-c14n#");
        for (Part part : parts) {
            signature.getParts().add(new WSEncryptionPart(part.localName, part.namespace, "Element"));
        }
        signature.build(WssSettings.keyCrypto(participant));
    }

    /**
     * The XML signature wrapping attack: the signed Body is moved into an element of the attacker's
     * own (where the signature still finds it by its id) — a header, or an element after the Body —
     * and a new Body with other content takes its place.
     */
    public static Document wrapSignedBody(Document signed, Object otherRequest, boolean intoHeader) {
        try {
            Element envelope = signed.getDocumentElement();
            Element header = child(envelope, SOAP11, "Header");
            Element body = child(envelope, SOAP11, "Body");
            Element wrapper = signed.createElementNS("urn:example:attacker", "x:Wrapper");
            Element forged = signed.createElementNS(SOAP11, "soap:Body");
            envelope.insertBefore(forged, body);
            if (intoHeader) {
                header.appendChild(wrapper);
            } else {
                envelope.appendChild(wrapper);
            }
            wrapper.appendChild(body);
            JAXBContext.newInstance(otherRequest.getClass()).createMarshaller().marshal(otherRequest, forged);
            return parse(bytes(signed));
        } catch (Exception e) {
            throw new IllegalStateException("The envelope cannot be rewrapped", e);
        }
    }

    /**
     * The same attack on a signed WS-Addressing header: the signed one is moved into an element of the
     * attacker's own in the header, and an unsigned one with another value takes its place.
     */
    public static Document wrapSignedHeader(Document signed, Part header, String otherValue) {
        Element envelope = signed.getDocumentElement();
        Element soapHeader = child(envelope, SOAP11, "Header");
        Element original = child(soapHeader, header.namespace, header.localName);
        Element wrapper = signed.createElementNS("urn:example:attacker", "x:Wrapper");
        soapHeader.appendChild(wrapper);
        Element replacement = signed.createElementNS(header.namespace, "wsa:" + header.localName);
        replacement.setTextContent(otherValue);
        soapHeader.insertBefore(replacement, original);
        wrapper.appendChild(original);
        return parse(bytes(signed));
    }

    /** Replaces the content of the BinarySecurityToken (e.g. with bytes that are no certificate, or no base64). */
    public static Document corruptBinarySecurityToken(Document signed, String content) {
        Node token = signed.getElementsByTagNameNS(WSSE, "BinarySecurityToken").item(0);
        token.setTextContent(content);
        return signed;
    }

    public static byte[] bytes(Document doc) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("The envelope cannot be serialised", e);
        }
    }

    /** POSTs a SOAP 1.1 request over mutual TLS as the participant. */
    public static Response post(int port, String tlsParticipant, String operation, byte[] envelope) {
        return post(port, tlsParticipant, "text/xml; charset=UTF-8", "\"" + SERVICE + ":" + operation + "\"", envelope);
    }

    /** POSTs any bytes with the given content type (and SOAPAction, when not null). */
    public static Response post(int port, String tlsParticipant, String contentType, String soapAction, byte[] content) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint(port)))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(content));
            if (soapAction != null) {
                request.header("SOAPAction", soapAction);
            }
            HttpResponse<String> response = HttpClient.newBuilder()
                    .sslContext(ContractPki.clientTls(tlsParticipant))
                    .build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("The request could not be sent", e);
        }
    }

    public static String endpoint(int port) {
        return "https://localhost:" + port + "/services/knooppunt/v2";
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalStateException("No " + localName + " in " + parent.getLocalName());
    }

    private static Document newDocument() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().newDocument();
    }

    public static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException("Not XML: " + new String(xml, StandardCharsets.UTF_8), e);
        }
    }
}
