package nl.knooppunt.gateway.support;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import nl.knooppunt.gateway.outbound.BatchResult;
import nl.knooppunt.gateway.outbound.DeliveryFailure;
import nl.knooppunt.gateway.outbound.OutboundBatch;
import nl.knooppunt.gateway.outbound.OutboundChannel;
import nl.knooppunt.gateway.outbound.OutboundItem;
import nl.knooppunt.gateway.registry.ChannelType;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Test channels for the SOAP, REST and SFTP channel types that do what each test scripts per
 * creditor — accept, fail, reject some messages, be slow, hang — and record every batch they
 * receive, by streaming it as a real channel must.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ScriptedChannels {

    /** One batch as a channel received it. */
    public record Received(UUID batchId, int attempt, String creditorOin, List<UUID> references, String owner) {}

    /** What the channel does for a creditor. */
    @FunctionalInterface
    public interface Behaviour {
        BatchResult handle(OutboundBatch batch, List<OutboundItem> items) throws DeliveryFailure;
    }

    public static final Behaviour ACCEPT = (batch, items) -> BatchResult.allAccepted();
    public static final Behaviour CONNECTION_REFUSED = (batch, items) -> {
        throw DeliveryFailure.recoverable("connection refused", new ConnectException("Connection refused"));
    };
    public static final Behaviour HTTP_400 = (batch, items) -> {
        throw DeliveryFailure.unrecoverable("HTTP 400: batch does not match the contract", null);
    };

    public static Behaviour slow(long millis) {
        return (batch, items) -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return BatchResult.allAccepted();
        };
    }

    public static Behaviour rejecting(Function<List<OutboundItem>, Map<UUID, String>> rejections) {
        return (batch, items) -> new BatchResult(rejections.apply(items));
    }

    /** Behaviour per creditor and everything received, shared by the channels of all types. */
    public static class Script {
        private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private volatile String owner = "this-instance";
        private volatile CountDownLatch hangUntil;

        public void set(String creditorOin, Behaviour behaviour) {
            behaviours.put(creditorOin, behaviour);
        }

        public void reset() {
            behaviours.clear();
            received.clear();
        }

        public List<Received> received() {
            return List.copyOf(received);
        }

        public List<Received> receivedBy(String creditorOin) {
            return received.stream().filter(r -> r.creditorOin().equals(creditorOin)).toList();
        }

        public void owner(String owner) {
            this.owner = owner;
        }

        BatchResult handle(OutboundBatch batch) throws DeliveryFailure {
            List<OutboundItem> items = batch.messages().toList();
            String oin = batch.recipient().oin().value();
            received.add(new Received(batch.id(), batch.attempt(), oin,
                    items.stream().map(OutboundItem::reference).toList(), owner));
            return behaviours.getOrDefault(oin, ACCEPT).handle(batch, items);
        }
    }

    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static class ScriptedChannel implements OutboundChannel {
        private final ChannelType type;
        private final Script script;

        public ScriptedChannel(ChannelType type, Script script) {
            this.type = type;
            this.script = script;
        }

        @Override
        public ChannelType type() {
            return type;
        }

        @Override
        public BatchResult send(OutboundBatch batch) throws DeliveryFailure {
            return script.handle(batch);
        }
    }

    @Bean
    Script channelScript() {
        return new Script();
    }

    @Bean
    OutboundChannel scriptedRestChannel(Script script) {
        return new ScriptedChannel(ChannelType.REST, script);
    }

    @Bean
    OutboundChannel scriptedSoapChannel(Script script) {
        return new ScriptedChannel(ChannelType.SOAP, script);
    }

    @Bean
    OutboundChannel scriptedSftpChannel(Script script) {
        return new ScriptedChannel(ChannelType.SFTP, script);
    }
}
