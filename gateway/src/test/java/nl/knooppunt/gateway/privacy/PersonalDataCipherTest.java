package nl.knooppunt.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataCipherTest {

    private static final byte[] PLAINTEXT = "Jansen, 1984-03-17, Dorpsstraat 1".getBytes(StandardCharsets.UTF_8);

    @Test
    void ciphertextHidesThePlaintextAndDecryptsInTheSameContext() {
        PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataCipher.parse(PersonalDataCipher.newKeyEntry("k1")));
        byte[] sealed = cipher.encrypt(PLAINTEXT, "dossier:1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Jansen");
        assertThat(cipher.decrypt(sealed, "dossier:1")).isEqualTo(PLAINTEXT);
    }

    @Test
    void sameDataEncryptsDifferentlyEachTime() {
        PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataCipher.parse(PersonalDataCipher.newKeyEntry("k1")));
        assertThat(cipher.encrypt(PLAINTEXT, "c")).isNotEqualTo(cipher.encrypt(PLAINTEXT, "c"));
    }

    @Test
    void ciphertextMovedToAnotherRowDoesNotDecrypt() {
        PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataCipher.parse(PersonalDataCipher.newKeyEntry("k1")));
        byte[] sealed = cipher.encrypt(PLAINTEXT, "dossier:1");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "dossier:2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tamperedCiphertextIsRefused() {
        PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataCipher.parse(PersonalDataCipher.newKeyEntry("k1")));
        byte[] sealed = cipher.encrypt(PLAINTEXT, "c");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed, "c")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rotatedInKeyEncryptsWhileTheOldKeyStillDecrypts() {
        String oldKey = PersonalDataCipher.newKeyEntry("k1");
        byte[] sealedWithOld = new PersonalDataCipher(PersonalDataCipher.parse(oldKey)).encrypt(PLAINTEXT, "c");

        PersonalDataCipher rotated = new PersonalDataCipher(
                PersonalDataCipher.parse(PersonalDataCipher.newKeyEntry("k2") + "," + oldKey));
        assertThat(rotated.decrypt(sealedWithOld, "c")).isEqualTo(PLAINTEXT);

        byte[] sealedWithNew = rotated.encrypt(PLAINTEXT, "c");
        PersonalDataCipher oldOnly = new PersonalDataCipher(PersonalDataCipher.parse(oldKey));
        assertThatThrownBy(() -> oldOnly.decrypt(sealedWithNew, "c"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("k2");
    }

    @Test
    void missingKeyFileIsGeneratedOnlyWhenAllowed(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("keys");
        assertThatThrownBy(() -> new PersonalDataCipher(new PrivacyProperties(null, keyFile, false)))
                .isInstanceOf(IllegalStateException.class);

        PersonalDataCipher generated = new PersonalDataCipher(new PrivacyProperties(null, keyFile, true));
        byte[] sealed = generated.encrypt(PLAINTEXT, "c");
        assertThat(Files.readString(keyFile)).startsWith("k1:");
        // A restart reads the same key back.
        assertThat(new PersonalDataCipher(new PrivacyProperties(null, keyFile, false)).decrypt(sealed, "c"))
                .isEqualTo(PLAINTEXT);
    }

    @Test
    void keysOfTheWrongLengthAreRefused() {
        assertThatThrownBy(() -> PersonalDataCipher.parse("k1:AAAA")).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> PersonalDataCipher.parse("nocolon")).hasMessageContaining("id:base64");
    }
}
