package nl.knooppunt.mappings.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import nl.knooppunt.mappings.Contract;
import nl.knooppunt.mappings.xml.jaxb.ObjectFactory;
import org.xml.sax.SAXException;

/**
 * The XML machinery, configured once and explicitly: the JDK's own StAX and schema implementations
 * (not whatever happens to be on the classpath), DTDs and external entities refused, no external
 * resource ever fetched.
 */
final class SecureXml {
    private SecureXml() {
    }

    static XMLInputFactory inputFactory() {
        return Holder.INPUT_FACTORY;
    }

    static XMLOutputFactory outputFactory() {
        return Holder.OUTPUT_FACTORY;
    }

    static Schema schema() {
        return Holder.SCHEMA;
    }

    static JAXBContext jaxbContext() {
        return Holder.JAXB_CONTEXT;
    }

    private static final class Holder {
        static final XMLInputFactory INPUT_FACTORY = createInputFactory();
        static final XMLOutputFactory OUTPUT_FACTORY = XMLOutputFactory.newDefaultFactory();
        static final Schema SCHEMA = loadSchema();
        static final JAXBContext JAXB_CONTEXT = createJaxbContext();
    }

    private static XMLInputFactory createInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not allowed: " + systemId);
        });
        return factory;
    }

    private static Schema loadSchema() {
        try (InputStream xsd = SecureXml.class.getResourceAsStream(Contract.XSD_RESOURCE)) {
            if (xsd == null) {
                throw new IllegalStateException("XSD missing from the classpath: " + Contract.XSD_RESOURCE);
            }
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(xsd, Contract.XSD_RESOURCE));
        } catch (SAXException e) {
            throw new IllegalStateException("the contract XSD does not compile", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JAXBContext createJaxbContext() {
        try {
            return JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create the JAXB context", e);
        }
    }
}
