package nl.knooppunt.mappings.internal;

import java.io.IOException;

/** Thrown from inside a parser's read when the input passes a size limit; codecs turn it into a contract violation. */
public final class LimitExceededException extends IOException {
    public LimitExceededException(String message) {
        super(message);
    }

    /** The limit exception somewhere in the cause chain, if any (parsers wrap I/O exceptions). */
    public static LimitExceededException findIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof LimitExceededException limit) {
                return limit;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
