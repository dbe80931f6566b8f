package nl.knooppunt.mappings.xml;

import java.io.InputStream;
import java.util.Optional;
import javax.xml.namespace.QName;
import nl.knooppunt.mappings.Contract;
import nl.knooppunt.mappings.ContractViolationException;
import nl.knooppunt.mappings.Format;
import nl.knooppunt.mappings.MappingLimits;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.InvalidFieldException;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.internal.CheckedBatchReader;
import nl.knooppunt.mappings.xml.jaxb.Bericht;

/** Streams a {@code <Batch>}: StAX walks the batch, JAXB reads (and the XSD validates) one message at a time. */
final class XmlBatchReader extends CheckedBatchReader {
    private final XmlInput xml;
    private final MappingLimits limits;
    private final XmlMessageCodec codec;
    private final BatchHeader header;

    XmlBatchReader(InputStream in, MappingLimits limits, XmlMessageCodec codec) {
        this.limits = limits;
        this.codec = codec;
        this.xml = XmlInput.open(in, limits.maxBatchBytes(), limits.maxMessageBytes(), "the batch");
        try {
            QName root = xml.startRoot();
            if (!new QName(Contract.NAMESPACE, "Batch").equals(root)) {
                throw ContractViolationException.of(Format.XML, "the root element must be {" + Contract.NAMESPACE
                        + "}Batch, found " + root).atLine(xml.line(), xml.column());
            }
            QName first = xml.nextChild();
            if (!new QName(Contract.NAMESPACE, "BatchHeader").equals(first)) {
                throw ContractViolationException.of(Format.XML, "a Batch must start with its BatchHeader")
                        .atLine(xml.line(), xml.column()).atField("Batch");
            }
            long line = xml.line();
            this.header = readHeader((nl.knooppunt.mappings.xml.jaxb.BatchHeader) xml.unmarshal(), line);
        } catch (RuntimeException e) {
            xml.close();
            throw e;
        }
    }

    private BatchHeader readHeader(nl.knooppunt.mappings.xml.jaxb.BatchHeader jaxb, long line) {
        BatchHeader batchHeader;
        try {
            batchHeader = codec.mapper().fromJaxb(jaxb);
        } catch (InvalidFieldException e) {
            throw ContractViolationException.of(Format.XML, e.reason()).atField(e.field()).atLine(line, 0);
        }
        if (batchHeader.aantal() > limits.maxMessagesPerBatch()) {
            throw ContractViolationException.of(Format.XML, "the batch announces " + batchHeader.aantal()
                    + " messages, more than the limit of " + limits.maxMessagesPerBatch())
                    .atField("BatchHeader.Aantal").atLine(line, 0);
        }
        return batchHeader;
    }

    @Override
    public Optional<BatchHeader> batchHeader() {
        return Optional.of(header);
    }

    @Override
    protected boolean nextMessageStarts() {
        int read = read();
        QName next = xml.nextChild();
        if (next == null) {
            if (read != header.aantal()) {
                throw ContractViolationException.of(Format.XML, "the BatchHeader announces " + header.aantal()
                        + " messages but the batch holds " + read).atField("BatchHeader.Aantal")
                        .atLine(xml.line(), xml.column());
            }
            xml.expectEndOfDocument();
            return false;
        }
        if (XmlMessageCodec.messageTypeOf(next).isEmpty()) {
            throw ContractViolationException.of(Format.XML, "element " + next + " is not a message of the contract")
                    .atLine(xml.line(), xml.column()).atMessage(read, null);
        }
        if (read >= header.aantal()) {
            throw ContractViolationException.of(Format.XML, "the batch holds more messages than the "
                    + header.aantal() + " its BatchHeader announces").atLine(xml.line(), xml.column())
                    .atMessage(read, null);
        }
        return true;
    }

    @Override
    protected Message readMessage(int index) {
        xml.startMessage();
        long line = xml.line();
        long column = xml.column();
        Message message = codec.toCanonical((Bericht) xml.unmarshal(), line, column);
        if (!message.header().ontvangerOin().equals(header.ontvangerOin())) {
            throw ContractViolationException.of(Format.XML, "the message is addressed to "
                    + message.header().ontvangerOin() + " but the batch to " + header.ontvangerOin())
                    .atField(message.type().code() + ".Header.OntvangerOin").atLine(line, column)
                    .atMessage(index, message.header().referentienummer());
        }
        return message;
    }

    @Override
    public void close() {
        xml.close();
    }
}
