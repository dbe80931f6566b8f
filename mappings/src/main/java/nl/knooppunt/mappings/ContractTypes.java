package nl.knooppunt.mappings;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The text types of the contract (named {@code xs:simpleType}s restricting {@code xs:string}) with
 * their facets, read from the XSD itself. Whatever sits in front of the contract — an API that
 * accepts data which later becomes a message — checks its input with {@link TextType#problem} and so
 * enforces exactly the contract's limits, without a second copy of them that could drift.
 *
 * <p>Besides the facets, a value must consist of characters XML 1.0 can carry: every message is XML.
 */
public final class ContractTypes {

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final Map<String, TextType> TEXT_TYPES = load();

    private ContractTypes() {
    }

    /**
     * The text type of this name.
     *
     * @throws IllegalArgumentException when the XSD has no simple type of that name restricting xs:string
     */
    public static TextType text(String name) {
        TextType type = TEXT_TYPES.get(name);
        if (type == null) {
            throw new IllegalArgumentException("The contract XSD has no text type " + name + "; known: "
                    + TEXT_TYPES.keySet());
        }
        return type;
    }

    /** The names of every text type of the contract, in XSD order. */
    public static Set<String> textTypeNames() {
        return TEXT_TYPES.keySet();
    }

    /** One named text type and its facets, as the XSD declares them. */
    public static final class TextType {
        private final String name;
        private final Integer minLength;
        private final Integer maxLength;
        private final List<String> patterns;
        private final List<Pattern> compiled;
        private final List<String> enumeration;

        private TextType(String name, Integer minLength, Integer maxLength, List<String> patterns,
                         List<String> enumeration) {
            this.name = name;
            this.minLength = minLength;
            this.maxLength = maxLength;
            this.patterns = List.copyOf(patterns);
            this.compiled = patterns.stream().map(p -> Pattern.compile(XsdRegex.toJava(p))).toList();
            this.enumeration = List.copyOf(enumeration);
        }

        public String name() {
            return name;
        }

        /** The minLength facet, if the type has one; see {@link #problem} for how length is counted. */
        public OptionalInt minLength() {
            return minLength == null ? OptionalInt.empty() : OptionalInt.of(minLength);
        }

        /** The maxLength facet, if the type has one; see {@link #problem} for how length is counted. */
        public OptionalInt maxLength() {
            return maxLength == null ? OptionalInt.empty() : OptionalInt.of(maxLength);
        }

        /** The pattern facets in XSD regular-expression syntax; a value must match one of them. */
        public List<String> patterns() {
            return patterns;
        }

        /** The enumeration facet; empty when any value (within the other facets) is allowed. */
        public List<String> enumeration() {
            return enumeration;
        }

        /**
         * What is wrong with the value in the contract's eyes, or empty when the contract accepts it.
         * A null value is accepted: whether a field is required is the caller's rule. The text never
         * repeats the value (it may be personal data).
         *
         * <p>Length is counted as the JDK's schema validator counts it, in UTF-16 units: XSD says
         * characters, but the validator that checks every message counts a character outside the
         * Basic Multilingual Plane (an emoji, say) twice. The stricter count keeps the promise that a
         * value accepted here is accepted by the validator.
         */
        public Optional<String> problem(String value) {
            if (value == null) {
                return Optional.empty();
            }
            int firstControl = -1;
            for (int i = 0; i < value.length(); ) {
                int codePoint = value.codePointAt(i);
                if (!isXmlCharacter(codePoint)) {
                    return Optional.of(Character.isISOControl(codePoint)
                            ? "must not contain control character U+%04X".formatted(codePoint)
                            : "must not contain character U+%04X, which XML cannot carry".formatted(codePoint));
                }
                if (firstControl < 0 && Character.isISOControl(codePoint)) {
                    firstControl = codePoint;
                }
                i += Character.charCount(codePoint);
            }
            boolean matches = compiled.isEmpty() || compiled.stream().anyMatch(p -> p.matcher(value).matches());
            if (!matches && firstControl >= 0) {
                // Named first: it is the likelier mistake and the pattern would not say it plainly.
                return Optional.of("must not contain control character U+%04X".formatted(firstControl));
            }
            int length = value.length();
            if (minLength != null && length < minLength) {
                return Optional.of(minLength == 1 ? "must not be empty"
                        : "must be at least " + minLength + " characters long");
            }
            if (maxLength != null && length > maxLength) {
                boolean wide = length != value.codePointCount(0, length);
                return Optional.of("is " + length + " characters long; the contract (" + name + ") allows at most "
                        + maxLength + (wide ? " (a character such as an emoji counts as two)" : ""));
            }
            if (!enumeration.isEmpty() && !enumeration.contains(value)) {
                return Optional.of("must be one of " + String.join(", ", enumeration));
            }
            if (!matches) {
                return Optional.of("must match " + String.join(" or ", patterns) + " (contract type " + name + ")");
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "TextType[" + name + "]";
        }
    }

    /** The characters of XML 1.0 (production Char); anything else cannot be part of a message at all. */
    static boolean isXmlCharacter(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }

    private static Map<String, TextType> load() {
        try (InputStream in = ContractTypes.class.getResourceAsStream(Contract.XSD_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The contract XSD is not on the classpath: " + Contract.XSD_RESOURCE);
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Element schema = factory.newDocumentBuilder().parse(in).getDocumentElement();
            Map<String, TextType> types = new LinkedHashMap<>();
            for (Element simpleType : children(schema, "simpleType")) {
                List<Element> restrictions = children(simpleType, "restriction");
                if (restrictions.size() == 1 && isXsString(restrictions.get(0))) {
                    TextType type = textType(simpleType.getAttribute("name"), restrictions.get(0));
                    types.put(type.name(), type);
                }
            }
            return Collections.unmodifiableMap(types);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The contract XSD cannot be read", e);
        }
    }

    private static boolean isXsString(Element restriction) {
        String base = restriction.getAttribute("base");
        int colon = base.indexOf(':');
        String prefix = colon < 0 ? null : base.substring(0, colon);
        return base.substring(colon + 1).equals("string") && XS.equals(restriction.lookupNamespaceURI(prefix));
    }

    private static TextType textType(String name, Element restriction) {
        Integer minLength = null;
        Integer maxLength = null;
        List<String> patterns = new ArrayList<>();
        List<String> enumeration = new ArrayList<>();
        for (Element facet : children(restriction, null)) {
            String value = facet.getAttribute("value");
            switch (facet.getLocalName()) {
                case "annotation" -> { }
                case "minLength" -> minLength = Integer.valueOf(value);
                case "maxLength" -> maxLength = Integer.valueOf(value);
                case "length" -> {
                    minLength = Integer.valueOf(value);
                    maxLength = minLength;
                }
                case "pattern" -> patterns.add(value);
                case "enumeration" -> enumeration.add(value);
                case "whiteSpace" -> {
                    if (!value.equals("preserve")) {
                        // A collapsing type would need the value normalised before checking; none does yet.
                        throw new IllegalStateException("Text type " + name + ": whiteSpace " + value + " is not supported");
                    }
                }
                default -> throw new IllegalStateException(
                        "Text type " + name + ": facet " + facet.getLocalName() + " is not supported");
            }
        }
        return new TextType(name, minLength, maxLength, patterns, enumeration);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && XS.equals(element.getNamespaceURI())
                    && (localName == null || localName.equals(element.getLocalName()))) {
                elements.add(element);
            }
        }
        return elements;
    }

    /**
     * XSD regular expressions (XML Schema part 2, appendix F) in Java syntax. Both are anchored when
     * matched as a whole; the differences that matter are translated, and constructs without a
     * faithful translation are refused when the XSD is loaded rather than checked wrongly.
     */
    static final class XsdRegex {

        private XsdRegex() {
        }

        static String toJava(String xsd) {
            StringBuilder java = new StringBuilder();
            boolean inClass = false;
            for (int i = 0; i < xsd.length(); i++) {
                char c = xsd.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= xsd.length()) {
                        throw unsupported(xsd, "a trailing backslash");
                    }
                    char e = xsd.charAt(++i);
                    switch (e) {
                        // XSD \s is exactly space, tab, newline and carriage return.
                        case 's' -> java.append(inClass ? " \\t\\n\\r" : "[ \\t\\n\\r]");
                        case 'S' -> {
                            if (inClass) {
                                throw unsupported(xsd, "\\S inside a character class");
                            }
                            java.append("[^ \\t\\n\\r]");
                        }
                        // XSD \d is every Unicode decimal digit.
                        case 'd' -> java.append("\\p{Nd}");
                        case 'D' -> java.append("\\P{Nd}");
                        case 'p', 'P' -> {
                            int end = xsd.indexOf('}', i);
                            if (i + 1 >= xsd.length() || xsd.charAt(i + 1) != '{' || end < 0) {
                                throw unsupported(xsd, "\\" + e + " without {name}");
                            }
                            String property = xsd.substring(i + 2, end);
                            // Block names: XSD IsBasicLatin is Java InBasicLatin.
                            java.append('\\').append(e).append('{')
                                    .append(property.startsWith("Is") ? "In" + property.substring(2) : property)
                                    .append('}');
                            i = end;
                        }
                        case 'i', 'I', 'c', 'C', 'w', 'W' -> throw unsupported(xsd, "\\" + e);
                        default -> java.append('\\').append(e);
                    }
                } else if (inClass) {
                    if (c == ']') {
                        inClass = false;
                        java.append(c);
                    } else if (c == '-' && i + 1 < xsd.length() && xsd.charAt(i + 1) == '[') {
                        throw unsupported(xsd, "character class subtraction");
                    } else if (c == '[' || c == '&') {
                        // Literal in XSD; union and intersection in Java.
                        java.append('\\').append(c);
                    } else {
                        java.append(c);
                    }
                } else if (c == '[') {
                    inClass = true;
                    java.append(c);
                    if (i + 1 < xsd.length() && xsd.charAt(i + 1) == '^') {
                        java.append('^');
                        i++;
                    }
                } else if (c == '^' || c == '$') {
                    // Not anchors in XSD: ordinary characters.
                    java.append('\\').append(c);
                } else if (c == '.') {
                    // XSD: any character but newline and carriage return; Java excludes more line ends.
                    java.append("[^\\n\\r]");
                } else {
                    java.append(c);
                }
            }
            return java.toString();
        }

        private static IllegalStateException unsupported(String xsd, String construct) {
            return new IllegalStateException("XSD pattern " + xsd + " uses " + construct
                    + ", which ContractTypes does not translate");
        }
    }
}
