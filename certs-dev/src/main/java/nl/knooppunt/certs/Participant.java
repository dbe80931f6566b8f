package nl.knooppunt.certs;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A debt counsellor or creditor that gets its own client certificate.
 *
 * @param name         alias in its key store and base of its file names; letters, digits, '.', '_', '-'
 * @param oin          20-digit OIN, written to the subject serialNumber
 * @param keyType      key of the participant's certificate
 * @param organisation subject O; the name when not given
 */
public record Participant(String name, String oin, KeyType keyType, String organisation) {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Names taken by the gateway and the negative-test certificates. */
    static final Set<String> RESERVED_NAMES = Set.of("gateway", "expired", "revoked", "foreign");

    public Participant {
        Objects.requireNonNull(name, "name");
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Participant name '" + name
                    + "' must be 1-64 letters, digits, '.', '_' or '-' (it becomes a file name and alias)");
        }
        if (RESERVED_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Participant name '" + name + "' is reserved; reserved are "
                    + RESERVED_NAMES);
        }
        Oin.requireValid(oin, "OIN of participant '" + name + "'");
        Objects.requireNonNull(keyType, "keyType");
        organisation = organisation == null || organisation.isBlank() ? name : organisation.strip();
        if (organisation.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Organisation of participant '" + name + "' contains control characters");
        }
    }

    public static Participant of(String name, String oin, KeyType keyType) {
        return new Participant(name, oin, keyType, null);
    }

    /**
     * Parses the command-line form {@code name=OIN[:KEYTYPE]}, e.g. {@code shv-utrecht=00000001234567890000:EC}.
     * The key type defaults to RSA 2048.
     */
    public static Participant parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("Participant '" + text + "' must look like name=OIN[:RSA|EC]");
        }
        String name = text.substring(0, equals).trim();
        String rest = text.substring(equals + 1).trim();
        int colon = rest.indexOf(':');
        String oin = colon < 0 ? rest : rest.substring(0, colon).trim();
        KeyType keyType = colon < 0 ? KeyType.RSA_2048 : KeyType.parse(rest.substring(colon + 1));
        return of(name, oin, keyType);
    }
}
