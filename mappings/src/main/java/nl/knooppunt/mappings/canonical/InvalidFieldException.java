package nl.knooppunt.mappings.canonical;

/**
 * A canonical record was given a value the contract does not allow. {@link #field()} is the path of
 * XSD element names, e.g. {@code GegevensKlant.Klant.Achternaam}; codecs add format, message and line.
 */
public final class InvalidFieldException extends IllegalArgumentException {
    private final String field;
    private final String reason;

    public InvalidFieldException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** The same violation seen from an enclosing group, e.g. {@code Klant} becomes {@code GegevensKlant.Klant}. */
    public InvalidFieldException within(String enclosingField) {
        InvalidFieldException wrapped = new InvalidFieldException(enclosingField + "." + field, reason);
        wrapped.setStackTrace(getStackTrace());
        return wrapped;
    }
}
