package nl.knooppunt.gateway.outbound;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.stream.Stream;
import nl.knooppunt.gateway.registry.ChannelType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A REST channel for tests that really sends: it streams each batch to a creditor's HTTP endpoint
 * as it reads it from the database (chunked; one line per message: the Referentienummer and the
 * message in Base64), with the batch id and the attempt in headers so the creditor can recognise a
 * resend. A 2xx answer accepts the whole batch.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class PostingChannel implements OutboundChannel {

    static final String BATCH_ID = "Batch-Id";
    static final String ATTEMPT = "Attempt";

    private final URI creditor;

    PostingChannel(URI creditor) {
        this.creditor = creditor;
    }

    @Override
    public ChannelType type() {
        return ChannelType.REST;
    }

    @Override
    public BatchResult send(OutboundBatch batch) throws DeliveryFailure {
        try {
            HttpURLConnection http = (HttpURLConnection) creditor.toURL().openConnection();
            http.setRequestMethod("POST");
            http.setDoOutput(true);
            http.setChunkedStreamingMode(8192);
            http.setConnectTimeout((int) Duration.ofSeconds(10).toMillis());
            // A creditor may hold the answer a long time (the process-kill test relies on it).
            http.setReadTimeout((int) Duration.ofMinutes(5).toMillis());
            http.setRequestProperty("Content-Type", "text/plain; charset=utf-8");
            http.setRequestProperty(BATCH_ID, batch.id().toString());
            http.setRequestProperty(ATTEMPT, Integer.toString(batch.attempt()));
            try (Writer body = new OutputStreamWriter(http.getOutputStream(), StandardCharsets.UTF_8);
                 Stream<OutboundItem> items = batch.messages()) {
                for (Iterator<OutboundItem> it = items.iterator(); it.hasNext(); ) {
                    OutboundItem item = it.next();
                    body.write(item.reference() + " " + Base64.getEncoder().encodeToString(item.payload()) + "\n");
                }
            }
            int status = http.getResponseCode();
            if (status / 100 == 2) {
                return BatchResult.allAccepted();
            }
            String reason = "HTTP " + status + " from the creditor";
            throw status >= 500 || status == 408 || status == 429
                    ? DeliveryFailure.recoverable(reason, null)
                    : DeliveryFailure.unrecoverable(reason, null);
        } catch (IOException e) {
            throw DeliveryFailure.recoverable("creditor not reached: " + e.getMessage(), e);
        }
    }
}
