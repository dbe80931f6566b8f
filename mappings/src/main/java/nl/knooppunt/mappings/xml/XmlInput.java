package nl.knooppunt.mappings.xml;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.JAXBIntrospector;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import nl.knooppunt.mappings.ContractViolationException;
import nl.knooppunt.mappings.Format;
import nl.knooppunt.mappings.internal.LimitExceededException;
import nl.knooppunt.mappings.internal.LimitedInputStream;

/**
 * A StAX cursor over untrusted XML that hands element subtrees to JAXB with XSD validation, and turns
 * every failure into a {@link ContractViolationException} with line, column and element path.
 * Only the subtree being unmarshalled is ever held in memory.
 */
final class XmlInput implements AutoCloseable {
    private final LimitedInputStream input;
    private final PathTrackingReader reader;
    private final Unmarshaller unmarshaller;
    private ValidationEvent firstError;
    private String firstErrorPath;

    private XmlInput(LimitedInputStream input, PathTrackingReader reader, Unmarshaller unmarshaller) {
        this.input = input;
        this.reader = reader;
        this.unmarshaller = unmarshaller;
    }

    static XmlInput open(InputStream in, long maxTotalBytes, long maxMessageBytes, String label) {
        LimitedInputStream limited = new LimitedInputStream(in, maxTotalBytes, maxMessageBytes, label);
        try {
            PathTrackingReader reader = new PathTrackingReader(SecureXml.inputFactory().createXMLStreamReader(limited));
            Unmarshaller unmarshaller = SecureXml.jaxbContext().createUnmarshaller();
            unmarshaller.setSchema(SecureXml.schema());
            XmlInput xml = new XmlInput(limited, reader, unmarshaller);
            unmarshaller.setEventHandler(xml::onValidationEvent);
            return xml;
        } catch (XMLStreamException | JAXBException e) {
            throw violation(e, null);
        }
    }

    private boolean onValidationEvent(ValidationEvent event) {
        if (event.getSeverity() == ValidationEvent.WARNING) {
            return true;
        }
        if (firstError == null) {
            firstError = event;
            firstErrorPath = reader.path();
        }
        return false;
    }

    /** Moves to the root element, refusing a DOCTYPE (the door to XXE and entity expansion). */
    QName startRoot() {
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw ContractViolationException.of(Format.XML,
                            "a DOCTYPE is not allowed (DTDs and entity declarations are refused)")
                            .atLine(reader.getLocation().getLineNumber(), reader.getLocation().getColumnNumber());
                    case XMLStreamConstants.START_ELEMENT -> {
                        return reader.getName();
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw unexpected("an entity reference");
                    default -> {
                        // comments, processing instructions and whitespace before the root are harmless
                    }
                }
            }
            throw ContractViolationException.of(Format.XML, "the document has no root element");
        } catch (XMLStreamException e) {
            throw violation(e, null);
        }
    }

    /** The next child element of the current parent, or null when the parent ends. */
    QName nextChild() {
        try {
            while (currentUnconsumed || reader.hasNext()) {
                int event = nextEvent();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        return reader.getName();
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        return null;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!reader.isWhiteSpace()) {
                            throw unexpected("text between elements");
                        }
                    }
                    case XMLStreamConstants.SPACE, XMLStreamConstants.COMMENT,
                         XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    }
                    case XMLStreamConstants.DTD -> throw unexpected("a DOCTYPE");
                    default -> throw unexpected("XML event " + event);
                }
            }
            throw ContractViolationException.of(Format.XML, "the document ends unexpectedly");
        } catch (XMLStreamException e) {
            throw violation(e, null);
        }
    }

    /** JAXB leaves the cursor on the event after the element it read; that event is not yet looked at. */
    private boolean currentUnconsumed;

    private int nextEvent() throws XMLStreamException {
        if (currentUnconsumed) {
            currentUnconsumed = false;
            return reader.getEventType();
        }
        return reader.next();
    }

    /** Unmarshals the element the cursor stands on (validating it against the XSD) and moves past it. */
    Object unmarshal() {
        firstError = null;
        firstErrorPath = null;
        try {
            Object result = unmarshaller.unmarshal(reader);
            currentUnconsumed = true;
            return JAXBIntrospector.getValue(result);
        } catch (UnmarshalException e) {
            if (firstError != null && LimitExceededException.findIn(e) == null) {
                ValidationEventLocator locator = firstError.getLocator();
                ContractViolationException violation = ContractViolationException.of(Format.XML,
                        "does not match the XSD: " + firstError.getMessage()).atField(firstErrorPath);
                throw violation.atLine(locator == null ? -1 : locator.getLineNumber(),
                        locator == null ? -1 : locator.getColumnNumber()).causedBy(e);
            }
            throw violation(e, reader.path());
        } catch (JAXBException | RuntimeException e) {
            if (e instanceof ContractViolationException violation) {
                throw violation;
            }
            throw violation(e, reader.path());
        }
    }

    /** After the root element closes, only comments, processing instructions and whitespace may follow. */
    void expectEndOfDocument() {
        try {
            while (currentUnconsumed || reader.hasNext()) {
                int event = nextEvent();
                if (event == XMLStreamConstants.START_ELEMENT
                        || (event == XMLStreamConstants.CHARACTERS && !reader.isWhiteSpace())) {
                    throw unexpected("content after the root element");
                }
            }
        } catch (XMLStreamException e) {
            throw violation(e, null);
        }
    }

    /** Marks the start of a message for the per-message size limit. */
    void startMessage() {
        input.startMessage();
    }

    long line() {
        return reader.getLocation().getLineNumber();
    }

    long column() {
        return reader.getLocation().getColumnNumber();
    }

    /** Element path below the root, e.g. {@code Saldoverzoek.GegevensKlant}. */
    String path() {
        return reader.path();
    }

    private ContractViolationException unexpected(String what) {
        Location location = reader.getLocation();
        return ContractViolationException.of(Format.XML, what + " is not allowed here")
                .atLine(location.getLineNumber(), location.getColumnNumber()).atField(reader.path());
    }

    static ContractViolationException violation(Throwable error, String path) {
        LimitExceededException limit = LimitExceededException.findIn(error);
        if (limit != null) {
            return ContractViolationException.of(Format.XML, limit.getMessage()).causedBy(error);
        }
        Location location = null;
        String reason = error.getMessage();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof XMLStreamException stream && stream.getLocation() != null) {
                location = stream.getLocation();
                reason = stream.getMessage();
                break;
            }
            if (t instanceof UnmarshalException unmarshal && unmarshal.getLinkedException() != null
                    && unmarshal.getLinkedException() != t) {
                reason = unmarshal.getLinkedException().getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        ContractViolationException violation = ContractViolationException.of(Format.XML,
                "not well-formed or not readable: " + (reason == null ? error.getClass().getSimpleName() : oneLine(reason)))
                .causedBy(error);
        if (location != null) {
            violation = violation.atLine(location.getLineNumber(), location.getColumnNumber());
        }
        return path == null || path.isEmpty() ? violation : violation.atField(path);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // nothing left to release
        }
    }

    /** Keeps the path of open elements so that errors can name the field. */
    private static final class PathTrackingReader extends StreamReaderDelegate {
        private final Deque<String> open = new ArrayDeque<>();
        private boolean popPending;

        PathTrackingReader(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            if (popPending) {
                open.pollLast();
                popPending = false;
            }
            int event = super.next();
            if (event == START_ELEMENT) {
                open.addLast(getLocalName());
            } else if (event == END_ELEMENT) {
                popPending = true;
            }
            return event;
        }

        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while ((event == CHARACTERS && isWhiteSpace()) || event == SPACE || event == COMMENT
                    || event == PROCESSING_INSTRUCTION) {
                event = next();
            }
            if (event != START_ELEMENT && event != END_ELEMENT) {
                throw new XMLStreamException("expected an element", getLocation());
            }
            return event;
        }

        /** The open elements, without the batch wrapper. */
        String path() {
            StringBuilder path = new StringBuilder();
            boolean first = true;
            for (String element : open) {
                if (first && element.equals("Batch") && open.size() > 1) {
                    first = false;
                    continue;
                }
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(element);
                first = false;
            }
            return path.toString();
        }
    }
}
