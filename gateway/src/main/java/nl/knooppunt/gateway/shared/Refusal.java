package nl.knooppunt.gateway.shared;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request the gateway refuses for a reason of the caller's, with nothing changed. Every feature
 * throws its own subclass; the APIs map only the {@link Kind} and the stable {@link #code()} (to a
 * problem+json status and type, a SOAP fault, an error-report line), so a new feature never edits
 * the error mapping. Messages hold no personal data: they end up in responses and logs.
 */
public abstract class Refusal extends RuntimeException {

    /** What sort of refusal, which decides the HTTP status of a problem response. */
    public enum Kind {
        /** The request itself is malformed or breaks a limit of the contract (400). */
        INVALID(400),
        /** What the request names does not exist, or the caller may not know it exists (404). */
        NOT_FOUND(404),
        /** The caller is known but may not do this (403). */
        FORBIDDEN(403),
        /** Not possible in the current state, or clashes with what exists (409). */
        CONFLICT(409),
        /** Well-formed, but refers to or repeats something in a way the gateway cannot process (422). */
        UNPROCESSABLE(422),
        /** The request body is larger than the configured limit; it was not read (413). */
        TOO_LARGE(413);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private static final String TYPE_PREFIX = "urn:knooppunt:problem:";

    private final Kind kind;
    private final String code;
    private final String title;
    private final List<FieldProblem> problems;

    protected Refusal(Kind kind, String code, String title, String detail, List<FieldProblem> problems) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.title = title;
        this.problems = List.copyOf(problems);
    }

    protected Refusal(Kind kind, String code, String title, String detail) {
        this(kind, code, title, detail, List.of());
    }

    public Kind kind() {
        return kind;
    }

    /** The stable code, e.g. {@code duplicate-shv-reference}; never changes once published. */
    public String code() {
        return code;
    }

    /** The stable problem type URI built from the code. */
    public URI type() {
        return typeOf(code);
    }

    /** The problem type URI of a stable code, for channels that report an outcome without throwing. */
    public static URI typeOf(String code) {
        return URI.create(TYPE_PREFIX + code);
    }

    public String title() {
        return title;
    }

    /** What the caller should read: the reason and that nothing was changed. */
    public String detail() {
        return getMessage();
    }

    /** The offending fields, if the refusal is about fields. */
    public List<FieldProblem> problems() {
        return problems;
    }

    /** Further members of the problem response (e.g. the id of an existing resource). */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** A resource the caller should look at instead, sent as {@code Location}. */
    public Optional<URI> location() {
        return Optional.empty();
    }
}
