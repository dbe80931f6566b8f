package nl.knooppunt.certs;

import java.time.Instant;

/** notBefore and notAfter of a certificate. */
record Validity(Instant notBefore, Instant notAfter) {

    Validity {
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " must be after notBefore " + notBefore);
        }
    }
}
