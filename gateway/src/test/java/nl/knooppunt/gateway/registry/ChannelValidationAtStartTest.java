package nl.knooppunt.gateway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.gateway.KnooppuntApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A creditor registered with a channel that cannot work stops the gateway's start, with a report
 * that names the creditor and the setting — instead of an SHV's intake failing on it later.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChannelValidationAtStartTest {

    static final String CREDITOR = "00000001003000000009";

    @Test
    void aBadCronExpressionStopsTheStart(CapturedOutput output) {
        assertStartRefused(output, List.of("channel.type=REST", "channel.endpoint=https://creditor.example/api",
                "channel.schedule=0 0 25 * * ?"), "channel.schedule", "'0 0 25 * * ?' is not a cron expression");
    }

    @Test
    void anEndpointOfTheWrongKindStopsTheStart(CapturedOutput output) {
        assertStartRefused(output, List.of("channel.type=SOAP", "channel.endpoint=ftp://creditor.example/soap"),
                "channel.endpoint", "must be a URL with scheme https for a SOAP channel");
    }

    @Test
    void aSoapSettingTheChannelCannotUseStopsTheStart(CapturedOutput output) {
        assertStartRefused(output, List.of("channel.type=SOAP", "channel.endpoint=https://creditor.example/soap",
                        "channel.settings[security-profile]=2W-be-SE"),
                "channel.settings.certificate", "Profile 2W-be-SE needs channel setting 'certificate'");
    }

    @Test
    void aRestTrustStoreThatCannotBeReadStopsTheStart(CapturedOutput output) {
        assertStartRefused(output, List.of("channel.type=REST", "channel.endpoint=https://creditor.example/api",
                        "channel.settings[trust-store]=/nonexistent/creditor-trust.p12",
                        "channel.settings[trust-store-password]=secret"),
                "channel.settings.trust-store", "cannot read /nonexistent/creditor-trust.p12");
    }

    @Test
    void aWebhookIsForAnShvOnly(CapturedOutput output) {
        assertStartRefused(output, List.of("channel.type=WEBHOOK", "channel.endpoint=https://creditor.example/hooks",
                        "channel.settings[secret]=" + "x".repeat(40)),
                "channel.type", "WEBHOOK is for an SHV's notifications");
    }

    @Test
    void anShvsWebhookSecretShorterThan32BytesStopsTheStartWithoutShowingIt(CapturedOutput output) {
        String secret = "too-short-webhook-secret";
        assertStartRefused(output, 0, "00000001001000000001", List.of("channel.type=WEBHOOK",
                        "channel.endpoint=https://shv.example/knooppunt/notifications", "channel.settings[secret]=" + secret),
                "channel.settings.secret", "is 24 bytes; a webhook secret must have at least 32");
        assertThat(output.getOut() + output.getErr()).doesNotContain(secret);
    }

    private static void assertStartRefused(CapturedOutput output, List<String> channel, String field, String problem) {
        assertStartRefused(output, 1, CREDITOR, channel, field, problem);
    }

    private static void assertStartRefused(CapturedOutput output, int participant, String oin, List<String> channel,
                                           String field, String problem) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=test",
                "--knooppunt.outbound.enabled=false",
                "--knooppunt.registry.participants[0].oin=00000001001000000001",
                "--knooppunt.registry.participants[0].kind=SHV",
                "--knooppunt.registry.participants[0].name=SHV",
                "--knooppunt.registry.participants[1].oin=" + CREDITOR,
                "--knooppunt.registry.participants[1].kind=CREDITOR",
                "--knooppunt.registry.participants[1].name=Creditor with a bad channel"));
        channel.forEach(setting -> args.add("--knooppunt.registry.participants[" + participant + "]." + setting));
        if (participant != 1) {
            args.add("--knooppunt.registry.participants[1].channel.type=MAILBOX");
        }
        SpringApplication application = new SpringApplication(KnooppuntApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> close(application.run(args.toArray(String[]::new))))
                .hasStackTraceContaining(InvalidChannelException.class.getName());

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Participant " + oin + " has a channel setting that cannot work")
                .contains(field + ": ")
                .contains(problem);
    }

    private static void close(ConfigurableApplicationContext context) {
        context.close();
    }
}
