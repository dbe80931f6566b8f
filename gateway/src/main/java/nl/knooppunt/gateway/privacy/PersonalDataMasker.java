package nl.knooppunt.gateway.privacy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Last line of defence for log output: blanks out what looks like a personal identifier (BSN,
 * e-mail address, IBAN, Dutch postcode) should one ever reach a log line. The code itself never logs
 * personal data; this catches mistakes, e.g. in exception messages of libraries.
 */
public final class PersonalDataMasker {

    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> RULES = List.of(
            // IBAN before BSN: an IBAN contains a long digit run.
            new Rule(Pattern.compile("\\b[A-Z]{2}\\d{2}[A-Z]{4}\\d{10}\\b"), "[IBAN]"),
            new Rule(Pattern.compile("(?<![\\w.+-])[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+"), "[e-mail]"),
            // Exactly nine digits standing alone: a BSN. OINs (20 digits) and UUIDs are left alone.
            new Rule(Pattern.compile("(?<![\\w-])\\d{9}(?![\\w-])"), "[BSN]"),
            new Rule(Pattern.compile("\\b[1-9]\\d{3} ?[A-Z]{2}\\b"), "[postcode]"));

    private PersonalDataMasker() {}

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (Rule rule : RULES) {
            masked = rule.pattern().matcher(masked).replaceAll(rule.replacement());
        }
        return masked;
    }
}
