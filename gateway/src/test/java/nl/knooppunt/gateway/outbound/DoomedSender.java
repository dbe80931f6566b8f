package nl.knooppunt.gateway.outbound;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.support.SecondGateway;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A gateway process that claims a creditor's batch and then hangs in the middle of sending it,
 * to be killed by {@link ProcessKillTest}. Prints {@code SENDING <batch id>} once it holds the batch.
 * Arguments: JDBC URL, creditor OIN, then Spring properties.
 */
public final class DoomedSender {

    private DoomedSender() {}

    public static void main(String[] args) throws Exception {
        String[] properties = java.util.Arrays.copyOfRange(args, 2, args.length);
        ConfigurableApplicationContext gateway = SecondGateway.start(args[0], new String[] {"test", "outbound-test"},
                Map.of("hangingRestChannel", new HangingChannel()), properties);
        gateway.getBean(BatchSender.class).sendDueBatches(args[1]);
    }

    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class HangingChannel implements OutboundChannel {

        @Override
        public ChannelType type() {
            return ChannelType.REST;
        }

        @Override
        public BatchResult send(OutboundBatch batch) {
            batch.messages().forEach(item -> { });
            System.out.println("SENDING " + batch.id());
            System.out.flush();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("unreachable: this process is killed while sending");
        }
    }
}
