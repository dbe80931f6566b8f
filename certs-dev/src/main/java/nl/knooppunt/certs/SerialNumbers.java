package nl.knooppunt.certs;

import java.math.BigInteger;
import java.security.SecureRandom;

/** Random positive certificate serial numbers, as CAs are required to use (at least 64 bits of entropy). */
final class SerialNumbers {

    private SerialNumbers() {
    }

    /** 127 random bits with the top one set: positive, always 16 bytes DER, never zero. */
    static BigInteger next(SecureRandom random) {
        return new BigInteger(126, random).setBit(126);
    }
}
