package nl.knooppunt.gateway.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.InvalidChannelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SHV's webhook settings that cannot work stop the start (checked by {@link WebhookChannel#validate}),
 * naming the setting and never showing the secret; and the signature is the documented one.
 */
class WebhookSettingsTest {

    static final String SECRET = "test-webhook-secret-0123456789abcdef-0123456789";

    @TempDir Path directory;

    @Test
    void theSignatureIsHexHmacSha256OverTimestampDotBody() {
        // printf '%s' '1700000000.{"id":"x"}' | openssl dgst -sha256 -hmac "$SECRET"
        assertThat(WebhookSignature.sign(SECRET.getBytes(StandardCharsets.UTF_8), 1700000000L,
                "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1=3fee2476b60c0a9c205ac76c1ee7bb0c7dd698548130789dbcf1ef8a46acc705");
    }

    @Test
    void aSecretInlineOrFromAFileIsTheKey() throws Exception {
        assertThat(WebhookSettings.of(channel(Map.of("secret", SECRET))).secret())
                .isEqualTo(SECRET.getBytes(StandardCharsets.UTF_8));
        Path file = directory.resolve("secret");
        Files.writeString(file, SECRET + "\n");
        assertThat(WebhookSettings.of(channel(Map.of("secret-file", file.toString()))).secret())
                .isEqualTo(SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(WebhookSettings.of(channel(Map.of("secret", SECRET))).toString()).doesNotContain(SECRET);
    }

    @Test
    void aShortSecretIsRefusedWithoutShowingIt() {
        String shortSecret = "only-31-bytes-of-secret-here!!!";
        assertThatThrownBy(() -> new WebhookChannel(null, null, null).validate(channel(Map.of("secret", shortSecret))))
                .isInstanceOf(InvalidChannelException.class)
                .satisfies(e -> {
                    assertThat(((InvalidChannelException) e).field()).isEqualTo("channel.settings.secret");
                    assertThat(e.getMessage()).contains("31 bytes").contains("at least 32").doesNotContain(shortSecret);
                });
    }

    @Test
    void exactlyOneOfSecretAndSecretFile() {
        assertThatThrownBy(() -> WebhookSettings.of(channel(Map.of())))
                .isInstanceOf(InvalidChannelException.class).hasMessageContaining("exactly one of secret and secret-file");
        assertThatThrownBy(() -> WebhookSettings.of(channel(Map.of("secret", SECRET, "secret-file", "/nowhere"))))
                .isInstanceOf(InvalidChannelException.class).hasMessageContaining("exactly one")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> WebhookSettings.of(channel(Map.of("secret-file", directory.resolve("none").toString()))))
                .isInstanceOf(InvalidChannelException.class)
                .satisfies(e -> assertThat(((InvalidChannelException) e).field()).isEqualTo("channel.settings.secret-file"));
    }

    @Test
    void unknownSettingsAndASlowMaximumWaitAreRefused() {
        assertThatThrownBy(() -> WebhookSettings.of(channel(Map.of("secret", SECRET, "oauth2-client-id", "x"))))
                .isInstanceOf(InvalidChannelException.class).hasMessageContaining("not a WEBHOOK channel setting");
        CreditorChannel slow = new CreditorChannel(ChannelType.WEBHOOK, "https://shv.example/hooks", "* * * * * *", 10,
                Duration.ofHours(1), Map.of("secret", SECRET));
        assertThatThrownBy(() -> WebhookSettings.of(slow)).isInstanceOf(InvalidChannelException.class)
                .satisfies(e -> assertThat(((InvalidChannelException) e).field()).isEqualTo("channel.max-wait"));
    }

    @Test
    void aWebhookNeedsAnHttpsEndpoint() {
        assertThatThrownBy(() -> new CreditorChannel(ChannelType.WEBHOOK, "http://shv.example/hooks", "* * * * * *", 10,
                Duration.ofSeconds(5), Map.of("secret", SECRET)))
                .isInstanceOf(InvalidChannelException.class).hasMessageContaining("https");
    }

    private static CreditorChannel channel(Map<String, String> settings) {
        return new CreditorChannel(ChannelType.WEBHOOK, "https://shv.example/hooks", "* * * * * *", 10,
                Duration.ofSeconds(5), settings);
    }
}
