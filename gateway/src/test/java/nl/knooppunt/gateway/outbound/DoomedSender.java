package nl.knooppunt.gateway.outbound;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import nl.knooppunt.gateway.support.SecondGateway;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A gateway process that sends a creditor's due batch over HTTP to the creditor's system, which holds
 * its answer until {@link ProcessKillTest} has killed this process. Should it ever get an answer, it
 * ends normally, which the test sees as a failure to kill it in the middle of the delivery.
 * Arguments: JDBC URL, creditor OIN, the creditor's batch endpoint, then Spring properties.
 */
public final class DoomedSender {

    private DoomedSender() {}

    public static void main(String[] args) throws Exception {
        String[] properties = Arrays.copyOfRange(args, 3, args.length);
        ConfigurableApplicationContext gateway = SecondGateway.start(args[0], new String[] {"test", "outbound-test"},
                Map.of("postingRestChannel", new PostingChannel(URI.create(args[2]))), properties);
        gateway.getBean(BatchSender.class).sendDueBatches(args[1]);
        System.exit(0);
    }
}
