package nl.knooppunt.mappings.xml.adapters;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.util.UUID;

/** Binds the XSD type UUID to {@link UUID}; the schema pattern has already checked the form. */
public final class UuidAdapter extends XmlAdapter<String, UUID> {
    @Override
    public UUID unmarshal(String text) {
        return text == null ? null : UUID.fromString(text.trim());
    }

    @Override
    public String marshal(UUID value) {
        return value == null ? null : value.toString();
    }
}
