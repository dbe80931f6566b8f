package nl.knooppunt.mappings.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import nl.knooppunt.mappings.canonical.*;
import nl.knooppunt.mappings.docs.XsdModel.Field;
import nl.knooppunt.mappings.internal.Records;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The naming rule that lets one mapper serve every type: XSD sequences have the canonical record's
 * components, capitalised and in order; XSD enumerations have the canonical enum's constants; the
 * length and pattern limits in {@link Check} are the XSD's.
 */
class XsdCanonicalAlignmentTest {
    private static final XsdModel XSD = XsdModel.load();

    static Stream<Object[]> recordsAndTypes() {
        Stream<Object[]> bodies = Arrays.stream(MessageType.values()).map(t -> new Object[] {t.bodyType(), t.code()});
        Stream<Object[]> groups = Stream.of(Header.class, BatchHeader.class, Persoon.class, Adres.class,
                        Contactpersoon.class, GegevensKlant.class, GegevensSHVOrganisatie.class, VorderingSE.class,
                        VorderingVoorstel.class, VorderingAkkoord.class)
                .map(type -> new Object[] {type, type.getSimpleName()});
        return Stream.concat(bodies, groups);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("recordsAndTypes")
    void xsdSequenceHasTheRecordComponentsInOrder(Class<?> record, String xsdType) {
        List<String> components = Records.shape(record).components().stream().map(Records.Component::elementName).toList();
        List<String> elements = XSD.complexTypes.get(xsdType).fields().stream().map(Field::name).toList();
        assertThat(elements).as("XSD %s vs record %s", xsdType, record.getSimpleName()).isEqualTo(components);
    }

    static Stream<Class<?>> enums() {
        return Stream.of(Geslacht.class, Adressoort.class, AanduidingBijHuisnummer.class, TypeSchuldregeling.class,
                Schuldtype.class, VorderingsType.class, RedenGeenMedewerking.class, AntwoordKennisgeving.class,
                Beslissing.class, Afwijzingsreden.class, Uitbetaalmomenten.class, OorzaakSchulden.class,
                RedenBeeindiging.class, StatuscodeSHV.class, StatuscodeSE.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void xsdEnumerationHasTheEnumConstants(Class<? extends Enum<?>> type) {
        List<String> constants = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        assertThat(XSD.simpleTypes.get(type.getSimpleName()).facets().enumeration().keySet())
                .containsExactlyElementsOf(constants);
    }

    @Test
    void everyXsdEnumerationIsACanonicalEnum() {
        long xsdEnums = XSD.simpleTypes.values().stream().filter(t -> !t.facets().enumeration().isEmpty()).count();
        assertThat(xsdEnums).as("the XSD code lists plus Berichttype").isEqualTo(enums().count() + 1);
    }

    @Test
    void berichttypeCodesAreTheMessageTypesAndTheirElements() {
        assertThat(XSD.simpleTypes.get("Berichttype").facets().enumeration().keySet())
                .containsExactlyElementsOf(Arrays.stream(MessageType.values()).map(MessageType::code).toList());
        for (MessageType type : MessageType.values()) {
            assertThat(XSD.elements).as("global element for %s", type).containsKey(type.code());
        }
        assertThat(XSD.elements).containsKey("Batch");
    }

    @Test
    void textLimitsAreTheXsdLimits() {
        assertThat(maxLength("Naam")).isEqualTo(Check.NAAM_MAX);
        assertThat(maxLength("Kenmerk")).isEqualTo(Check.KENMERK_MAX);
        assertThat(maxLength("Toelichting")).isEqualTo(Check.TOELICHTING_MAX);
        assertThat(maxLength("KorteTekst")).isEqualTo(Check.KORTE_TEKST_MAX);
        assertThat(maxLength("Voorletters")).isEqualTo(Check.VOORLETTERS_MAX);
        assertThat(maxLength("Voorvoegsel")).isEqualTo(Check.VOORVOEGSEL_MAX);
        assertThat(maxLength("Emailadres")).isEqualTo(Check.EMAILADRES_MAX);
    }

    @Test
    void patternsAreTheXsdPatterns() {
        assertThat(pattern("OIN")).isEqualTo(Check.OIN.pattern());
        assertThat(pattern("Versie")).isEqualTo(Check.VERSIE.pattern());
        assertThat(pattern("Postcode")).isEqualTo(Check.POSTCODE.pattern());
        assertThat(pattern("Huisletter")).isEqualTo(Check.HUISLETTER.pattern());
        assertThat(pattern("Huisnummertoevoeging")).isEqualTo(Check.HUISNUMMERTOEVOEGING.pattern());
        assertThat(pattern("BSN")).isEqualTo(Check.BSN.pattern());
        assertThat(pattern("Telefoonnummer")).isEqualTo(Check.TELEFOONNUMMER.pattern());
        assertThat(pattern("Emailadres")).isEqualTo(Check.EMAILADRES.pattern());
    }

    private static Integer maxLength(String type) {
        return XSD.simpleTypes.get(type).facets().maxLength();
    }

    private static String pattern(String type) {
        return XSD.simpleTypes.get(type).facets().patterns().get(0);
    }
}
