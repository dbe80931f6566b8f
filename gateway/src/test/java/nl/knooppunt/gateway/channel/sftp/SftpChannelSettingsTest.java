package nl.knooppunt.gateway.channel.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.InvalidChannelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An SFTP creditor's settings that cannot work are refused with the field named, before any upload. */
class SftpChannelSettingsTest {

    @TempDir Path directory;

    @Test
    void goodSettingsAreReadWithTheirDefaults() {
        SftpChannelSettings settings = SftpChannelSettings.of(channel("sftp://sftp.example.nl/knooppunt/in",
                Map.of("username", "knooppunt")));

        assertThat(settings.host()).isEqualTo("sftp.example.nl");
        assertThat(settings.port()).isEqualTo(22);
        assertThat(settings.batchDirectory()).isEqualTo("knooppunt/in/batches");
        assertThat(settings.format()).isEqualTo(SftpChannelSettings.FileFormat.CSV);
        assertThat(settings.encryptTo()).isNull();
        assertThat(settings.answers()).isEqualTo(SftpChannelSettings.AnswerMode.ALL_OR_NOTHING);
    }

    @Test
    void anUnknownSettingIsRefused() {
        assertRefused(Map.of("username", "knooppunt", "passwrd", "x"), "channel.settings.passwrd",
                "is not an SFTP channel setting");
    }

    @Test
    void aMissingUsernameIsRefused() {
        assertRefused(Map.of(), "channel.settings.username", "is needed for an SFTP channel");
    }

    @Test
    void aFormatThatIsNotCsvOrXmlIsRefused() {
        assertRefused(Map.of("username", "knooppunt", "format", "JSON"), "channel.settings.format",
                "'JSON' is not one of");
    }

    @Test
    void anEncryptToCertificateThatCannotBeReadIsRefused() {
        assertRefused(Map.of("username", "knooppunt", "encrypt-to", "/nonexistent/creditor.pem"),
                "channel.settings.encrypt-to", "cannot read /nonexistent/creditor.pem");
    }

    @Test
    void anEncryptToFileThatIsNoCertificateIsRefused() throws IOException {
        Path notACertificate = Files.writeString(directory.resolve("creditor.pem"), "not a certificate");

        assertRefused(Map.of("username", "knooppunt", "encrypt-to", notACertificate.toString()),
                "channel.settings.encrypt-to", "is not a valid, current X.509 certificate");
    }

    @Test
    void anEndpointWithAUserIsRefused() {
        assertThatThrownBy(() -> SftpChannelSettings.of(channel("sftp://knooppunt@sftp.example.nl/in",
                Map.of("username", "knooppunt"))))
                .isInstanceOfSatisfying(InvalidChannelException.class, e -> {
                    assertThat(e.field()).isEqualTo("channel.endpoint");
                    assertThat(e.problem()).contains("the user name goes in channel.settings.username");
                });
    }

    @Test
    void theChannelRefusesToStartWithoutTheGatewaysKeyOrKnownHosts() {
        CreditorChannel good = channel("sftp://sftp.example.nl/in", Map.of("username", "knooppunt"));
        SftpChannel withoutKey = channel(new SftpProperties(null, null, Duration.ofSeconds(15), Duration.ofSeconds(60),
                Duration.ofSeconds(15), 3, Duration.ofSeconds(30), directory));
        assertThatThrownBy(() -> withoutKey.validate(good)).isInstanceOfSatisfying(InvalidChannelException.class,
                e -> assertThat(e.field()).isEqualTo("knooppunt.sftp.private-key"));

        SftpChannel withoutKnownHosts = channel(new SftpProperties(directory, directory.resolve("known_hosts"),
                Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(15), 3, Duration.ofSeconds(30),
                directory));
        assertThatThrownBy(() -> withoutKnownHosts.validate(good)).isInstanceOfSatisfying(InvalidChannelException.class,
                e -> {
                    assertThat(e.field()).isEqualTo("knooppunt.sftp.known-hosts");
                    assertThat(e.problem()).contains("cannot read");
                });
    }

    private static SftpChannel channel(SftpProperties properties) {
        return new SftpChannel(new SftpConnections(properties), properties, null, null, null, null);
    }

    private static void assertRefused(Map<String, String> settings, String field, String problem) {
        assertThatThrownBy(() -> SftpChannelSettings.of(channel("sftp://sftp.example.nl/in", settings)))
                .isInstanceOfSatisfying(InvalidChannelException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(problem);
                });
    }

    private static CreditorChannel channel(String endpoint, Map<String, String> settings) {
        return new CreditorChannel(ChannelType.SFTP, endpoint, "0 0 6 * * ?", 100, Duration.ofHours(1),
                new HashMap<>(settings));
    }
}
