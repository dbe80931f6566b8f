package nl.knooppunt.mappings.xml;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.knooppunt.mappings.Contract;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.internal.CheckedBatchWriter;

/** Writes a {@code <Batch>} element by element through StAX; nothing but the current message is held. */
final class XmlBatchWriter extends CheckedBatchWriter {
    private final XMLStreamWriter writer;
    private final Marshaller marshaller;
    private final XmlCanonicalMapper mapper;

    XmlBatchWriter(BatchHeader header, OutputStream out, XmlCanonicalMapper mapper) {
        super(header);
        this.mapper = mapper;
        try {
            this.writer = SecureXml.outputFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            this.marshaller = SecureXml.jaxbContext().createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            writer.writeCharacters("\n");
            writer.setDefaultNamespace(Contract.NAMESPACE);
            writer.writeStartElement(Contract.NAMESPACE, "Batch");
            writer.writeDefaultNamespace(Contract.NAMESPACE);
            writer.writeCharacters("\n");
            marshaller.marshal(new JAXBElement<>(new QName(Contract.NAMESPACE, "BatchHeader"),
                    nl.knooppunt.mappings.xml.jaxb.BatchHeader.class, mapper.toJaxb(header)), writer);
            writer.writeCharacters("\n");
        } catch (XMLStreamException | JAXBException e) {
            throw failure(e);
        }
    }

    @Override
    protected void writeMessage(Message message) {
        try {
            marshaller.marshal(mapper.toJaxb(message), writer);
            writer.writeCharacters("\n");
        } catch (JAXBException | XMLStreamException e) {
            throw failure(e);
        }
    }

    @Override
    protected void finish() {
        try {
            writer.writeEndElement();
            writer.writeCharacters("\n");
            writer.writeEndDocument();
            writer.flush();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    private static UncheckedIOException failure(Exception e) {
        return new UncheckedIOException(new IOException("cannot write the XML batch", e));
    }
}
