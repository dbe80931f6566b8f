package nl.knooppunt.mappings.canonical;

/** One message of the contract: header and body, in the canonical (format-independent) form. */
public record Message(Header header, MessageBody body) {

    public Message {
        Check.required(header, "Header");
        Check.required(body, "Body");
        Check.that(header.berichttype() == body.messageType(), "Berichttype",
                "is " + header.berichttype().code() + " but the body is a " + body.messageType().code());
    }

    public MessageType type() {
        return header.berichttype();
    }
}
