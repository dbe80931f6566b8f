package nl.knooppunt.mappings.xml;

import java.io.InputStream;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.xml.namespace.QName;
import nl.knooppunt.mappings.BatchReader;
import nl.knooppunt.mappings.Contract;
import nl.knooppunt.mappings.ContractViolationException;
import nl.knooppunt.mappings.Format;
import nl.knooppunt.mappings.MappingLimits;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.InvalidFieldException;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.xml.jaxb.Bericht;

/** Streams a {@code <Batch>}: StAX walks the batch, JAXB reads (and the XSD validates) one message at a time. */
final class XmlBatchReader implements BatchReader {
    private final XmlInput xml;
    private final MappingLimits limits;
    private final XmlMessageCodec codec;
    private final BatchHeader header;
    private int read;
    private boolean messagePending;
    private boolean finished;
    private boolean failed;

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
    public boolean hasNext() {
        if (failed) {
            throw new IllegalStateException("the batch reader stopped at an earlier contract violation");
        }
        if (messagePending) {
            return true;
        }
        if (finished) {
            return false;
        }
        try {
            QName next = xml.nextChild();
            if (next == null) {
                finished = true;
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
            messagePending = true;
            return true;
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    @Override
    public Message next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        messagePending = false;
        int index = read;
        try {
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
            read++;
            return message;
        } catch (ContractViolationException e) {
            failed = true;
            throw e.atMessageIfUnknown(index, null).atMessage(index, e.referentienummer());
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    @Override
    public int read() {
        return read;
    }

    @Override
    public void close() {
        xml.close();
    }
}
