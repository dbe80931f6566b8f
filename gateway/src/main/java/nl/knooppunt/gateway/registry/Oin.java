package nl.knooppunt.gateway.registry;

import java.util.regex.Pattern;

/** Organisatie-identificatienummer: the 20-digit number that identifies a Dutch (semi-)public organisation. */
public record Oin(String value) {

    public static final String PATTERN = "^[0-9]{20}$";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    public Oin {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("An OIN has exactly 20 digits");
        }
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
