package nl.knooppunt.gateway.messages;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.xml.XmlMessageCodec;
import org.springframework.stereotype.Component;

/**
 * The form in which the gateway keeps a message: the contract's XML, validated against the XSD on
 * every read. Outgoing messages are queued in it and incoming ones stored in it (both encrypted).
 */
@Component
public class MessageXml {

    private final XmlMessageCodec codec = new XmlMessageCodec();

    public byte[] write(Message message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        codec.write(message, out);
        return out.toByteArray();
    }

    public Message read(byte[] xml) {
        return codec.read(new ByteArrayInputStream(xml));
    }
}
