package nl.knooppunt.mappings.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The value rules of the contract, applied by the constructors of the canonical records so that every
 * format (XML, JSON, CSV) enforces the same limits. The numbers mirror the simple types of the XSD;
 * {@code XsdCanonicalAlignmentTest} fails when the two drift apart.
 */
public final class Check {
    public static final int NAAM_MAX = 200;
    public static final int KENMERK_MAX = 50;
    public static final int TOELICHTING_MAX = 2000;
    public static final int KORTE_TEKST_MAX = 80;
    public static final int VOORLETTERS_MAX = 20;
    public static final int VOORVOEGSEL_MAX = 10;
    public static final int EMAILADRES_MAX = 254;

    public static final Pattern OIN = Pattern.compile("[0-9]{20}");
    public static final Pattern VERSIE = Pattern.compile("2\\.[0-9]{1,3}");
    public static final Pattern POSTCODE = Pattern.compile("[1-9][0-9]{3}[A-Z]{2}");
    public static final Pattern HUISLETTER = Pattern.compile("[A-Za-z]");
    public static final Pattern HUISNUMMERTOEVOEGING = Pattern.compile("[0-9A-Za-z]{1,4}");
    public static final Pattern BSN = Pattern.compile("[0-9]{9}");
    public static final Pattern TELEFOONNUMMER = Pattern.compile("\\+?[0-9 ()\\-]{6,20}");
    public static final Pattern EMAILADRES = Pattern.compile("[^@\\s\\p{Cc}]+@[^@\\s\\p{Cc}]+");

    /** Largest amount the XSD type Bedrag allows: 12 digits of which 2 after the point. */
    public static final BigDecimal BEDRAG_MAX = new BigDecimal("9999999999.99");
    public static final BigDecimal PERCENTAGE_MAX = new BigDecimal("100.00");

    private Check() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        return value;
    }

    public static String text(String value, String field, int maxLength, boolean required) {
        if (value == null) {
            return required ? required(null, field) : null;
        }
        if (value.isEmpty()) {
            throw new InvalidFieldException(field, "must not be empty (leave it out instead)");
        }
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            throw new InvalidFieldException(field, "is " + length + " characters long, at most " + maxLength + " allowed");
        }
        value.codePoints().forEach(codePoint -> {
            if (Character.isISOControl(codePoint)) {
                throw new InvalidFieldException(field, "contains control character U+%04X".formatted(codePoint));
            }
            if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                throw new InvalidFieldException(field, "contains an unpaired surrogate character");
            }
        });
        return value;
    }

    public static String pattern(String value, String field, Pattern pattern, String expected, boolean required) {
        if (value == null) {
            return required ? required(null, field) : null;
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidFieldException(field, "must be " + expected);
        }
        return value;
    }

    /** Amounts are kept with exactly two decimals so that every format writes them the same way. */
    public static BigDecimal amount(BigDecimal value, String field, boolean required) {
        return decimal(value, field, required, BEDRAG_MAX, "an amount from 0.00 to " + BEDRAG_MAX.toPlainString());
    }

    public static BigDecimal percentage(BigDecimal value, String field, boolean required) {
        return decimal(value, field, required, PERCENTAGE_MAX, "a percentage from 0.00 to 100.00");
    }

    private static BigDecimal decimal(BigDecimal value, String field, boolean required, BigDecimal max, String expected) {
        if (value == null) {
            return required ? required(null, field) : null;
        }
        if (value.signum() < 0 || value.compareTo(max) > 0) {
            throw new InvalidFieldException(field, "must be " + expected + ", was " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidFieldException(field, "has more than 2 decimals: " + value.toPlainString());
        }
        return value.setScale(2);
    }

    public static Integer range(Integer value, String field, int min, int max, boolean required) {
        if (value == null) {
            return required ? required(null, field) : null;
        }
        if (value < min || value > max) {
            throw new InvalidFieldException(field, "must be from " + min + " to " + max + ", was " + value);
        }
        return value;
    }

    /** Years outside 1..9999 cannot be written as yyyy in every format. */
    public static LocalDate date(LocalDate value, String field, boolean required) {
        if (value == null) {
            return required ? required(null, field) : null;
        }
        if (value.getYear() < 1 || value.getYear() > 9999) {
            throw new InvalidFieldException(field, "year must be from 0001 to 9999, was " + value.getYear());
        }
        return value;
    }

    /**
     * A creation time: XSD dateTime allows offsets up to ±14:00 in whole minutes, and every format writes
     * the year with four digits.
     */
    public static java.time.OffsetDateTime dateTime(java.time.OffsetDateTime value, String field, boolean required) {
        if (value == null) {
            return required ? required(null, field) : null;
        }
        int offsetSeconds = value.getOffset().getTotalSeconds();
        if (offsetSeconds % 60 != 0 || Math.abs(offsetSeconds) > 14 * 3600) {
            throw new InvalidFieldException(field, "offset must be whole minutes within ±14:00, was " + value.getOffset());
        }
        date(value.toLocalDate(), field, true);
        return value;
    }

    /** Lists are never null: an absent list is empty. Items must not be null. */
    public static <T> List<T> list(List<T> value, String field, int minSize) {
        List<T> items = value == null ? List.of() : value;
        if (items.size() < minSize) {
            throw new InvalidFieldException(field, "needs at least " + minSize + " item(s)");
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw new InvalidFieldException(field + "[" + i + "]", "must not be null");
            }
        }
        return List.copyOf(items);
    }

    /** Validates each text item of a list of identifiers. */
    public static List<String> kenmerken(List<String> value, String field, int minSize) {
        List<String> items = list(value, field, minSize);
        for (int i = 0; i < items.size(); i++) {
            text(items.get(i), field + "[" + i + "]", KENMERK_MAX, true);
        }
        return items;
    }

    public static void that(boolean condition, String field, String reason) {
        if (!condition) {
            throw new InvalidFieldException(field, reason);
        }
    }
}
