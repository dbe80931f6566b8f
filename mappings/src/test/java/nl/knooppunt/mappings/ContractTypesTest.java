package nl.knooppunt.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import nl.knooppunt.mappings.canonical.Check;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXException;

/**
 * {@link ContractTypes} says yes exactly where the XSD validator says yes: for every text type of the
 * contract, a set of probe values is checked both ways.
 */
class ContractTypesTest {

    private static final Schema PROBES = probeSchema();

    static Stream<String> textTypes() {
        return ContractTypes.textTypeNames().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textTypes")
    void agreesWithTheXsdValidator(String typeName) {
        ContractTypes.TextType type = ContractTypes.text(typeName);
        for (String probe : probes(type)) {
            boolean xsd = xsdAccepts(typeName, probe);
            assertThat(type.problem(probe).isEmpty())
                    .as("%s: %s (XSD says %s)", typeName, printable(probe), xsd ? "valid" : "invalid")
                    .isEqualTo(xsd);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textTypes")
    void refusesWhatXmlCannotCarry(String typeName) {
        ContractTypes.TextType type = ContractTypes.text(typeName);
        for (String probe : List.of("\u0000", "A\u0001", "\uFFFF", "A\uD800", "\uDC00A")) {
            assertThat(type.problem(probe)).as("%s: %s", typeName, printable(probe)).isPresent();
        }
    }

    @Test
    void readsTheFacetsOfTheXsd() {
        assertThat(ContractTypes.text("KorteTekst").maxLength()).hasValue(Check.KORTE_TEKST_MAX);
        assertThat(ContractTypes.text("Kenmerk").maxLength()).hasValue(Check.KENMERK_MAX);
        assertThat(ContractTypes.text("Kenmerk").minLength()).hasValue(1);
        assertThat(ContractTypes.text("Huisnummertoevoeging").patterns()).containsExactly("[0-9A-Za-z]{1,4}");
        assertThat(ContractTypes.text("Geslacht").enumeration()).containsExactly("M", "V", "O");
        // Numbers and dates are not text types.
        assertThatThrownBy(() -> ContractTypes.text("Bedrag")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContractTypes.text("Datum")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explainsWithoutRepeatingTheValue() {
        ContractTypes.TextType straatnaam = ContractTypes.text("KorteTekst");
        assertThat(straatnaam.problem("S".repeat(150))).hasValue("is 150 characters long; the contract (KorteTekst) allows at most 80");
        assertThat(straatnaam.problem("Proef\u0000straat")).hasValue("must not contain control character U+0000");
        assertThat(straatnaam.problem("Proef\u0001straat")).hasValue("must not contain control character U+0001");
        assertThat(straatnaam.problem("Proef\tstraat")).hasValue("must not contain control character U+0009");
        assertThat(straatnaam.problem("")).hasValue("must not be empty");
        assertThat(ContractTypes.text("Huisnummertoevoeging").problem("-/ ")).get().asString()
                .contains("[0-9A-Za-z]{1,4}").doesNotContain("-/ ");
        assertThat(ContractTypes.text("Geslacht").problem("X")).hasValue("must be one of M, V, O");
        // Length is counted as the validator counts it: in UTF-16 units.
        assertThat(straatnaam.problem("\uD83D\uDE00".repeat(40))).isEmpty();
        assertThat(straatnaam.problem("\uD83D\uDE00".repeat(41)))
                .hasValue("is 82 characters long; the contract (KorteTekst) allows at most 80 (a character such as an emoji counts as two)");
    }

    @Test
    void translatesXsdRegexDialect() {
        assertThat(ContractTypes.XsdRegex.toJava("[^@\\s\\p{Cc}]+@[^@\\s\\p{Cc}]+"))
                .isEqualTo("[^@ \\t\\n\\r\\p{Cc}]+@[^@ \\t\\n\\r\\p{Cc}]+");
        assertThat(ContractTypes.XsdRegex.toJava("a^b$.")).isEqualTo("a\\^b\\$[^\\n\\r]");
        assertThat(ContractTypes.XsdRegex.toJava("[a&&b]")).isEqualTo("[a\\&\\&b]");
        assertThatThrownBy(() -> ContractTypes.XsdRegex.toJava("\\i\\c*")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ContractTypes.XsdRegex.toJava("[a-z-[aeiou]]")).isInstanceOf(IllegalStateException.class);
    }

    /** Values around every facet of the type, plus the usual suspects. */
    private static List<String> probes(ContractTypes.TextType type) {
        List<String> probes = new ArrayList<>(List.of("", " ", "a", "A", "Z", "0", "9", "1234AB", "0123AB", "1234ab",
                "1234 AB", "-/ ", "A1b2", "A1b2c", "bis", "+31 30 123 4567", "030-1234567", "12345", "123456789012345678901",
                "+123456789012345678901", "a@b", "a b@c", "a@b@c", "@b", "x\u00e9@voorbeeld.example", "999990019",
                "12345678", "00000001001000000001", "0000000100100000000", "2.0", "2.1234", "M", "V", "O", "MV",
                "SB", "WOONADRES", "Kennisgeving", "Jos\u00e9 van der Berg", "\uD83D\uDE00", "a\tb", "a\nb", "a\rb",
                "a\u007Fb", "a\u0085b", "a\u2028b", "e5f0c7a8-0d4b-4c9e-9a59-1c2d3e4f5a6b", "E5F0C7A8-0D4B-4C9E-9A59-1C2D3E4F5A6B",
                "e5f0c7a8-0d4b-4c9e-9a59-1c2d3e4f5a6"));
        probes.addAll(type.enumeration());
        for (int length : new int[] {type.minLength().orElse(1), type.maxLength().orElse(0)}) {
            if (length > 0) {
                probes.add("x".repeat(length - 1));
                probes.add("x".repeat(length));
                probes.add("x".repeat(length + 1));
                probes.add("\uD83D\uDE00".repeat(length / 2));
                probes.add("\uD83D\uDE00".repeat(length / 2 + 1));
                probes.add("\uD83D\uDE00".repeat(length));
            }
        }
        return probes;
    }

    private static boolean xsdAccepts(String typeName, String value) {
        Validator validator = PROBES.newValidator();
        try {
            validator.validate(new StreamSource(new StringReader(
                    "<p:" + typeName + " xmlns:p=\"urn:probe\">" + escape(value) + "</p:" + typeName + ">")));
            return true;
        } catch (SAXException e) {
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Element content that survives parsing unchanged (no line-end normalisation). */
    private static String escape(String value) {
        StringBuilder xml = new StringBuilder();
        value.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                default -> {
                    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028) {
                        xml.append("&#").append(c).append(';');
                    } else {
                        xml.appendCodePoint(c);
                    }
                }
            }
        });
        return xml.toString();
    }

    /** The contract XSD plus one global element per text type, so that a single value can be validated. */
    private static Schema probeSchema() {
        StringBuilder wrapper = new StringBuilder("""
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:c="%s" targetNamespace="urn:probe"
                           elementFormDefault="qualified">
                  <xs:import namespace="%s"/>
                """.formatted(Contract.NAMESPACE, Contract.NAMESPACE));
        for (String name : ContractTypes.textTypeNames()) {
            wrapper.append("  <xs:element name=\"").append(name).append("\" type=\"c:").append(name).append("\"/>\n");
        }
        wrapper.append("</xs:schema>\n");
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newSchema(new Source[] {
                    new StreamSource(ContractTypesTest.class.getResourceAsStream(Contract.XSD_RESOURCE), Contract.XSD_RESOURCE),
                    new StreamSource(new StringReader(wrapper.toString()))});
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length() + " chars \"");
        value.codePoints().limit(24).forEach(c -> {
            if (c < 0x20 || c >= 0x7F) {
                out.append("U+%04X".formatted(c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }
}
