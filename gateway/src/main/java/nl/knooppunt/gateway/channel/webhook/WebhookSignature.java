package nl.knooppunt.gateway.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature (docs/workflow.md, "Telling the SHV: webhooks and the mailbox"):
 * {@code v1=} and the lower-case hex HMAC-SHA256, keyed with the SHV's secret, over the
 * {@code Knooppunt-Timestamp} value, a full stop, and the body's bytes exactly as sent.
 */
final class WebhookSignature {

    static final String SCHEME = "v1=";

    private WebhookSignature() {}

    static String sign(byte[] secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            mac.update(body);
            return SCHEME + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
