package nl.knooppunt.mappings.xml;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.validation.Schema;
import nl.knooppunt.mappings.BatchReader;
import nl.knooppunt.mappings.BatchWriter;
import nl.knooppunt.mappings.Contract;
import nl.knooppunt.mappings.ContractViolationException;
import nl.knooppunt.mappings.Format;
import nl.knooppunt.mappings.MappingLimits;
import nl.knooppunt.mappings.MessageCodec;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.InvalidFieldException;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.xml.jaxb.Bericht;

/**
 * XML codec: one message element (e.g. {@code <Saldoverzoek>}) per document, or a {@code <Batch>}.
 * Every read is validated against the XSD; DTDs are refused.
 */
public final class XmlMessageCodec implements MessageCodec {
    private final MappingLimits limits;
    private final XmlCanonicalMapper mapper = new XmlCanonicalMapper();

    public XmlMessageCodec() {
        this(MappingLimits.DEFAULT);
    }

    public XmlMessageCodec(MappingLimits limits) {
        this.limits = limits;
    }

    /** The compiled contract XSD, e.g. for schema validation in a SOAP endpoint. */
    public static Schema schema() {
        return SecureXml.schema();
    }

    @Override
    public Format format() {
        return Format.XML;
    }

    @Override
    public void write(Message message, OutputStream out) {
        try {
            Marshaller marshaller = SecureXml.jaxbContext().createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            marshaller.marshal(mapper.toJaxb(message), out);
        } catch (JAXBException e) {
            throw new UncheckedIOException(new IOException("cannot write XML", e));
        }
    }

    @Override
    public Message read(InputStream in) {
        try (XmlInput xml = XmlInput.open(in, limits.maxMessageBytes(), 0, "the message")) {
            QName root = xml.startRoot();
            if (messageTypeOf(root).isEmpty()) {
                throw ContractViolationException.of(Format.XML, "the root element " + root
                        + " is not a message of " + Contract.NAMESPACE).atLine(xml.line(), xml.column());
            }
            long line = xml.line();
            long column = xml.column();
            Message message = toCanonical((Bericht) xml.unmarshal(), line, column);
            xml.expectEndOfDocument();
            return message;
        }
    }

    @Override
    public BatchWriter openBatchWriter(BatchHeader header, OutputStream out) {
        return new XmlBatchWriter(header, out, mapper);
    }

    @Override
    public BatchReader openBatchReader(InputStream in) {
        return new XmlBatchReader(in, limits, this);
    }

    static Optional<MessageType> messageTypeOf(QName element) {
        return Contract.NAMESPACE.equals(element.getNamespaceURI())
                ? MessageType.fromCode(element.getLocalPart()) : Optional.empty();
    }

    /** Rules the XSD cannot express (cross references, conditional fields) are checked here. */
    Message toCanonical(Bericht jaxb, long line, long column) {
        try {
            return mapper.fromJaxb(jaxb);
        } catch (InvalidFieldException e) {
            throw ContractViolationException.of(Format.XML, e.reason()).atField(e.field()).atLine(line, column)
                    .withReferentienummer(jaxb.getHeader() == null ? null : jaxb.getHeader().getReferentienummer())
                    .causedBy(e);
        }
    }

    XmlCanonicalMapper mapper() {
        return mapper;
    }
}
