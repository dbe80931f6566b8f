package nl.knooppunt.mappings.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.knooppunt.mappings.Contract;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.docs.XsdModel.ComplexType;
import nl.knooppunt.mappings.docs.XsdModel.Facets;
import nl.knooppunt.mappings.docs.XsdModel.Field;
import nl.knooppunt.mappings.docs.XsdModel.SimpleType;
import nl.knooppunt.mappings.internal.Records;

/**
 * Generates the OpenAPI document of the JSON messages from the XSD, following the contract's naming
 * rule (JSON property = XSD element name starting lower-case; a list wrapper becomes an array).
 */
final class OpenApiGenerator {
    private static final String REF = "#/components/schemas/";

    private final XsdModel xsd;

    OpenApiGenerator(XsdModel xsd) {
        this.xsd = xsd;
    }

    String generate() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put("info", map(
                "title", "Knooppunt messages, module Schuldregeling 2",
                "version", "2.0",
                "description", "JSON form of the contract messages. Generated from the XSD ("
                        + Contract.XSD_RESOURCE.substring(1) + ", namespace " + Contract.NAMESPACE
                        + ") by the mappings tests; do not edit by hand, regenerate with -Dmessages.doc.update=true."
                        + " A message is an object with `header` and exactly one body property named after its"
                        + " Berichttype (e.g. `saldoverzoek`); a batch is `batchHeader` followed by `berichten`."
                        + " Absent optional fields and empty lists are left out; unknown fields are rejected."));
        document.put("paths", new LinkedHashMap<>());
        Map<String, Object> schemas = new LinkedHashMap<>();
        List<Object> messages = new ArrayList<>();
        for (MessageType type : MessageType.values()) {
            messages.add(ref(type.code() + "Bericht"));
        }
        schemas.put("Bericht", map("description", "Any message of the contract.", "oneOf", messages));
        schemas.put("Batch", object("Many messages for one recipient; batchHeader comes first.",
                List.of("batchHeader", "berichten"),
                map("batchHeader", ref("BatchHeader"),
                        "berichten", map("type", "array", "items", ref("Bericht")))));
        for (MessageType type : MessageType.values()) {
            schemas.put(type.code() + "Bericht", object(xsd.elements.get(type.code()).doc(),
                    List.of("header", type.jsonProperty()),
                    map("header", ref("Header"), type.jsonProperty(), ref(type.code()))));
        }
        for (ComplexType type : xsd.complexTypes.values()) {
            if (type.isList() || type.name().equals("Bericht") || type.name().equals("Batch")
                    || type.name().equals("SaldoAntwoord")) {
                continue;
            }
            schemas.put(type.name(), complexSchema(type));
        }
        for (SimpleType type : xsd.simpleTypes.values()) {
            schemas.put(type.name(), simpleSchema(type));
        }
        document.put("components", map("schemas", schemas));
        try {
            ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .build());
            return "# Generated from the XSD by OpenApiGenerator (mappings tests). Do not edit by hand.\n"
                    + yaml.writeValueAsString(document);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> complexSchema(ComplexType type) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Field field : type.fields()) {
            String property = Records.decapitalize(field.name());
            properties.put(property, fieldSchema(field));
            if (field.required()) {
                required.add(property);
            }
        }
        return object(type.doc(), required, properties);
    }

    private Map<String, Object> fieldSchema(Field field) {
        ComplexType fieldType = xsd.complexTypes.get(field.type());
        Map<String, Object> schema;
        if (fieldType != null && fieldType.isList()) {
            schema = map("type", "array", "minItems", field.required() ? 1 : 0,
                    "items", typeRef(fieldType.listItem().type()));
        } else {
            schema = new LinkedHashMap<>(typeRef(field.type()));
        }
        if (!field.doc().isEmpty()) {
            // A $ref with siblings is allowed in OpenAPI 3.1 (JSON Schema 2020-12).
            schema.put("description", field.doc());
        }
        return schema;
    }

    private Map<String, Object> typeRef(String xsdType) {
        return switch (xsdType) {
            case "xs:int" -> map("type", "integer", "format", "int32");
            case "xs:string" -> map("type", "string");
            default -> ref(xsdType);
        };
    }

    private static Map<String, Object> simpleSchema(SimpleType type) {
        Facets facets = type.facets();
        Map<String, Object> schema = new LinkedHashMap<>();
        if (!type.doc().isEmpty()) {
            schema.put("description", type.doc());
        }
        switch (facets.base()) {
            case "xs:decimal" -> {
                schema.put("type", "number");
                schema.put("multipleOf", new BigDecimal("0.01"));
                if (facets.minInclusive() != null) {
                    schema.put("minimum", new BigDecimal(facets.minInclusive()));
                }
                BigDecimal max = BigDecimal.TEN.pow(facets.totalDigits() - facets.fractionDigits())
                        .subtract(BigDecimal.ONE.movePointLeft(facets.fractionDigits()));
                if (facets.maxInclusive() != null) {
                    max = max.min(new BigDecimal(facets.maxInclusive()));
                }
                schema.put("maximum", max);
            }
            case "xs:int" -> {
                schema.put("type", "integer");
                schema.put("format", "int32");
                if (facets.minInclusive() != null) {
                    schema.put("minimum", Integer.valueOf(facets.minInclusive()));
                }
                if (facets.maxInclusive() != null) {
                    schema.put("maximum", Integer.valueOf(facets.maxInclusive()));
                }
            }
            case "xs:date" -> {
                schema.put("type", "string");
                schema.put("format", "date");
            }
            case "xs:dateTime" -> {
                schema.put("type", "string");
                schema.put("format", "date-time");
                schema.put("pattern", anchored(facets.patterns().get(0)));
            }
            case "xs:string" -> {
                schema.put("type", "string");
                if (type.name().equals("UUID")) {
                    schema.put("format", "uuid");
                }
                if (facets.minLength() != null) {
                    schema.put("minLength", facets.minLength());
                }
                if (facets.maxLength() != null) {
                    schema.put("maxLength", facets.maxLength());
                }
                if (!facets.patterns().isEmpty()) {
                    schema.put("pattern", anchored(facets.patterns().get(0)));
                }
                if (!facets.enumeration().isEmpty()) {
                    schema.put("enum", new ArrayList<>(facets.enumeration().keySet()));
                }
            }
            default -> throw new IllegalStateException("no JSON schema for base " + facets.base());
        }
        return schema;
    }

    /** XSD patterns match the whole value; JSON Schema patterns must be anchored, and know no \p{Cc}. */
    static String anchored(String xsdPattern) {
        return "^(?:" + xsdPattern.replace("\\p{Cc}", "\\u0000-\\u001F\\u007F-\\u009F") + ")$";
    }

    private static Map<String, Object> object(String description, List<String> required, Map<String, Object> properties) {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (description != null && !description.isEmpty()) {
            schema.put("description", description);
        }
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("properties", properties);
        return schema;
    }

    private static Map<String, Object> ref(String name) {
        return map("$ref", REF + name);
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
