package nl.knooppunt.mappings.docs;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.knooppunt.mappings.Contract;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The parts of the contract XSD that the generated documents describe: simple types with their
 * facets, complex types with their (flattened) element sequences, and the global elements.
 */
final class XsdModel {
    static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    record Facets(String base, List<String> patterns, Integer minLength, Integer maxLength, Integer totalDigits,
                  Integer fractionDigits, String minInclusive, String maxInclusive, Map<String, String> enumeration) {
    }

    record SimpleType(String name, String doc, Facets facets) {
    }

    record Field(String name, String type, boolean required, boolean repeated, String doc) {
    }

    /** A complex type: its fields after resolving extensions (without the Header of Bericht). */
    record ComplexType(String name, String doc, List<Field> fields, boolean isList) {
        Field listItem() {
            return fields.get(0);
        }
    }

    record GlobalElement(String name, String doc, String type) {
    }

    final Map<String, SimpleType> simpleTypes = new LinkedHashMap<>();
    final Map<String, ComplexType> complexTypes = new LinkedHashMap<>();
    final Map<String, GlobalElement> elements = new LinkedHashMap<>();
    private final Map<String, Element> complexTypeNodes = new LinkedHashMap<>();

    static XsdModel load() {
        try (InputStream in = XsdModel.class.getResourceAsStream(Contract.XSD_RESOURCE)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document document = factory.newDocumentBuilder().parse(in);
            return new XsdModel(document.getDocumentElement());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the XSD", e);
        }
    }

    private XsdModel(Element schema) {
        for (Element child : children(schema)) {
            switch (child.getLocalName()) {
                case "simpleType" -> simpleTypes.put(child.getAttribute("name"),
                        new SimpleType(child.getAttribute("name"), doc(child), facets(child)));
                case "complexType" -> complexTypeNodes.put(child.getAttribute("name"), child);
                default -> { }
            }
        }
        complexTypeNodes.forEach((name, node) -> complexTypes.put(name, complexType(name, node)));
        for (Element child : children(schema)) {
            if (child.getLocalName().equals("element")) {
                String name = child.getAttribute("name");
                String type = child.getAttribute("type");
                Element anonymous = child(child, "complexType");
                if (anonymous != null) {
                    complexTypes.put(name, complexType(name, anonymous));
                    type = name;
                }
                elements.put(name, new GlobalElement(name, doc(child), type));
            }
        }
    }

    private ComplexType complexType(String name, Element node) {
        List<Field> fields = new ArrayList<>();
        collectFields(node, fields);
        boolean isList = fields.size() == 1 && fields.get(0).repeated();
        return new ComplexType(name, doc(node), fields, isList);
    }

    private void collectFields(Element typeNode, List<Field> fields) {
        Element content = child(typeNode, "complexContent");
        if (content != null) {
            Element extension = child(content, "extension");
            String base = extension.getAttribute("base");
            if (!base.equals("Bericht")) {
                collectFields(complexTypeNodes.get(base), fields);
            }
            addSequence(child(extension, "sequence"), fields);
        } else {
            addSequence(child(typeNode, "sequence"), fields);
        }
    }

    private static void addSequence(Element sequence, List<Field> fields) {
        if (sequence == null) {
            return;
        }
        for (Element element : children(sequence)) {
            if (element.getLocalName().equals("element")) {
                String name = element.hasAttribute("ref") ? element.getAttribute("ref") : element.getAttribute("name");
                String type = element.hasAttribute("ref") ? element.getAttribute("ref") : element.getAttribute("type");
                fields.add(new Field(name, type, !"0".equals(element.getAttribute("minOccurs")),
                        "unbounded".equals(element.getAttribute("maxOccurs")), doc(element)));
            }
        }
    }

    private static Facets facets(Element simpleType) {
        Element restriction = child(simpleType, "restriction");
        List<String> patterns = new ArrayList<>();
        Map<String, String> enumeration = new LinkedHashMap<>();
        Integer minLength = null;
        Integer maxLength = null;
        Integer totalDigits = null;
        Integer fractionDigits = null;
        String minInclusive = null;
        String maxInclusive = null;
        for (Element facet : children(restriction)) {
            String value = facet.getAttribute("value");
            switch (facet.getLocalName()) {
                case "pattern" -> patterns.add(value);
                case "minLength" -> minLength = Integer.valueOf(value);
                case "maxLength" -> maxLength = Integer.valueOf(value);
                case "totalDigits" -> totalDigits = Integer.valueOf(value);
                case "fractionDigits" -> fractionDigits = Integer.valueOf(value);
                case "minInclusive" -> minInclusive = value;
                case "maxInclusive" -> maxInclusive = value;
                case "enumeration" -> enumeration.put(value, doc(facet));
                default -> throw new IllegalStateException("facet not described yet: " + facet.getLocalName());
            }
        }
        return new Facets(restriction.getAttribute("base"), patterns, minLength, maxLength, totalDigits,
                fractionDigits, minInclusive, maxInclusive, enumeration);
    }

    /** The field reached by a path of element names from a type, or null. */
    Field field(String typeName, String elementName) {
        ComplexType type = complexTypes.get(typeName);
        if (type == null) {
            return null;
        }
        return type.fields().stream().filter(f -> f.name().equals(elementName)).findFirst().orElse(null);
    }

    static String doc(Element node) {
        Element annotation = child(node, "annotation");
        Element documentation = annotation == null ? null : child(annotation, "documentation");
        return documentation == null ? "" : documentation.getTextContent().replaceAll("\\s+", " ").trim();
    }

    static Element child(Element parent, String localName) {
        for (Element element : children(parent)) {
            if (element.getLocalName().equals(localName)) {
                return element;
            }
        }
        return null;
    }

    static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && XS.equals(element.getNamespaceURI())) {
                elements.add(element);
            }
        }
        return elements;
    }
}
