package nl.knooppunt.benchmarks;

import nl.knooppunt.mappings.Format;
import nl.knooppunt.mappings.MappingLimits;
import nl.knooppunt.mappings.MessageCodec;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.csv.CsvMessageCodec;
import nl.knooppunt.mappings.json.JsonMessageCodec;
import nl.knooppunt.mappings.xml.XmlMessageCodec;

final class Codecs {
    private Codecs() {
    }

    static MessageCodec of(Format format, MessageType type) {
        return switch (format) {
            case XML -> new XmlMessageCodec(MappingLimits.DEFAULT);
            case JSON -> new JsonMessageCodec(MappingLimits.DEFAULT);
            case CSV -> CsvMessageCodec.forType(type, MappingLimits.DEFAULT);
        };
    }
}
