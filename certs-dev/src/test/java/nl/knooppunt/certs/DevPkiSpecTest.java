package nl.knooppunt.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Input checks of the spec and participants: bad input fails early, with a message that says why. */
class DevPkiSpecTest {

    private static final Path DIR = Path.of("target", "never-written");

    @Test
    void participantParsesTheCommandLineForm() {
        assertThat(Participant.parse("shv-a=00000001234567890000")).isEqualTo(
                new Participant("shv-a", "00000001234567890000", KeyType.RSA_2048, "shv-a"));
        assertThat(Participant.parse("creditor_b = 00000003000000000001:EC").keyType()).isEqualTo(KeyType.EC_P256);
    }

    @Test
    void oinMustBeExactlyTwentyDigits() {
        for (String bad : List.of("1234567890123456789", "123456789012345678901", "0000000123456789000A", "")) {
            assertThatThrownBy(() -> Participant.of("p", bad, KeyType.EC_P256)).as(bad).hasMessageContaining("20 digits");
        }
        assertThatThrownBy(() -> DevPkiSpec.builder(DIR).gatewayOin("42").build()).hasMessageContaining("Gateway OIN");
    }

    @Test
    void participantNamesMustBeSafeFileNamesUniqueAndNotReserved() {
        assertThatThrownBy(() -> Participant.of("../evil", "00000001234567890000", KeyType.EC_P256))
                .hasMessageContaining("file name");
        assertThatThrownBy(() -> Participant.of("Revoked", "00000001234567890000", KeyType.EC_P256))
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> DevPkiSpec.builder(DIR)
                .participant("a", "00000001234567890000", KeyType.EC_P256)
                .participant("A", "00000001234567890001", KeyType.EC_P256).build())
                .hasMessageContaining("used twice");
    }

    @Test
    void serverHostsMustBeDnsNamesOrIpAddresses() {
        assertThat(DevPkiSpec.builder(DIR).serverHosts(List.of("gateway.local", "10.0.0.1", "::1")).build().serverHosts())
                .containsExactly("gateway.local", "10.0.0.1", "::1");
        assertThatThrownBy(() -> DevPkiSpec.builder(DIR).serverHosts(List.of("not a host")).build())
                .hasMessageContaining("neither a DNS name nor an IP address");
        assertThatThrownBy(() -> DevPkiSpec.builder(DIR).serverHosts(List.of()).build()).hasMessageContaining("At least one");
    }

    @Test
    void validityMustExceedTheRenewalMarginAndCasMustBeRsa() {
        assertThatThrownBy(() -> DevPkiSpec.builder(DIR).validity(Duration.ofDays(20)).build())
                .hasMessageContaining("renewBefore");
        assertThatThrownBy(() -> DevPkiSpec.builder(DIR).caKeyType(KeyType.EC_P256).build()).hasMessageContaining("RSA");
        assertThatThrownBy(() -> DevPkiSpec.builder(DIR).password("").build()).hasMessageContaining("Password");
    }

    @Test
    void defaultsAreDevDefaultsAndNegativeCertificatesBorrowTheFirstOin() {
        DevPkiSpec spec = DevPkiSpec.builder(DIR).participant("a", "00000001234567890000", KeyType.EC_P256).build();

        assertThat(spec.password()).isEqualTo("changeit".toCharArray());
        assertThat(spec.serverHosts()).contains("localhost", "127.0.0.1");
        assertThat(spec.renewBefore()).isEqualTo(Duration.ofDays(30));
        assertThat(spec.caKeyType()).isEqualTo(KeyType.RSA_3072);
        assertThat(spec.negativeTestOin()).isEqualTo("00000001234567890000");
        assertThat(DevPkiSpec.builder(DIR).build().negativeTestOin()).isEqualTo(DevPkiSpec.FALLBACK_NEGATIVE_TEST_OIN);
        assertThat(spec.toString()).doesNotContain("changeit");
    }

    @Test
    void fingerprintFollowsWhatShapesTheFilesButNotPasswordOrDirectory() {
        DevPkiSpec base = DevPkiSpec.builder(DIR).participant("a", "00000001234567890000", KeyType.EC_P256).build();

        assertThat(base.toBuilder().password("other").outputDirectory(Path.of("elsewhere")).build().fingerprint())
                .isEqualTo(base.fingerprint());
        assertThat(base.toBuilder().signatureScheme(SignatureScheme.RSA_PKCS1_SHA256).build().fingerprint())
                .isNotEqualTo(base.fingerprint());
        assertThat(base.toBuilder().serverHosts(List.of("localhost")).build().fingerprint()).isNotEqualTo(base.fingerprint());
        assertThat(DevPkiSpec.builder(DIR).participant("a", "00000001234567890000", KeyType.RSA_2048).build().fingerprint())
                .isNotEqualTo(base.fingerprint());
    }
}
