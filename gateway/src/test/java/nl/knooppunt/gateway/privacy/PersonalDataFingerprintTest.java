package nl.knooppunt.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Keyed fingerprints of personal data: recognisable with the key, useless without it, rotation-proof. */
class PersonalDataFingerprintTest {

    private static final byte[] DATA = "Jansen, 1984-03-17, Dorpsstraat 1".getBytes(StandardCharsets.UTF_8);
    private static final String OLD_KEY = PersonalDataCipher.newKeyEntry("k1");

    private static PersonalDataCipher cipher(String keys) {
        return new PersonalDataCipher(PersonalDataCipher.parse(keys));
    }

    @Test
    void sameDataSameFingerprintOtherDataNot() {
        PersonalDataCipher cipher = cipher(OLD_KEY);
        String fingerprint = cipher.fingerprint(DATA, "test");

        assertThat(cipher.fingerprint(DATA, "test")).isEqualTo(fingerprint).startsWith("k1:");
        assertThat(cipher.hasFingerprint(DATA, "test", fingerprint)).isTrue();
        assertThat(cipher.hasFingerprint("Jansen, 1984-03-18, Dorpsstraat 1".getBytes(StandardCharsets.UTF_8), "test",
                fingerprint)).isFalse();
        assertThat(fingerprint).doesNotContain("Jansen");
    }

    @Test
    void theFingerprintDependsOnTheKeyAndThePurpose() {
        assertThat(cipher(OLD_KEY).fingerprint(DATA, "test"))
                .isNotEqualTo(cipher(PersonalDataCipher.newKeyEntry("k1")).fingerprint(DATA, "test"))
                .isNotEqualTo(cipher(OLD_KEY).fingerprint(DATA, "other"));
        assertThat(cipher(OLD_KEY).hasFingerprint(DATA, "other", cipher(OLD_KEY).fingerprint(DATA, "test"))).isFalse();
    }

    @Test
    void aFingerprintStillMatchesAfterANewKeyIsRotatedIn() {
        String fingerprint = cipher(OLD_KEY).fingerprint(DATA, "test");
        PersonalDataCipher rotated = cipher(PersonalDataCipher.newKeyEntry("k2") + "," + OLD_KEY);

        assertThat(rotated.hasFingerprint(DATA, "test", fingerprint)).isTrue();
        assertThat(rotated.fingerprint(DATA, "test")).startsWith("k2:");
    }

    @Test
    void unknownKeyOrMalformedFingerprintNeverMatches() {
        PersonalDataCipher cipher = cipher(OLD_KEY);
        String foreign = cipher(PersonalDataCipher.newKeyEntry("k9")).fingerprint(DATA, "test");

        assertThat(cipher.hasFingerprint(DATA, "test", foreign)).isFalse();
        assertThat(cipher.hasFingerprint(DATA, "test", null)).isFalse();
        assertThat(cipher.hasFingerprint(DATA, "test", "k1")).isFalse();
        assertThat(cipher.hasFingerprint(DATA, "test", "k1:not*base64")).isFalse();
    }
}
