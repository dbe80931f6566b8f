package nl.knooppunt.gateway.outbound;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A delivery listener that keeps what it heard only when the transaction that told it commits —
 * as a listener writing to the database would — and that can be told to refuse one kind of event.
 */
class RecordingListener implements DeliveryListener {

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        RecordingListener recordingListener() {
            return new RecordingListener();
        }
    }

    record Heard(String kind, DeliveryEvent event) {}

    private final List<Heard> heard = new CopyOnWriteArrayList<>();
    private volatile String failOn;

    void reset() {
        heard.clear();
        failOn = null;
    }

    void failOn(String kind) {
        failOn = kind;
    }

    List<Heard> all() {
        return List.copyOf(heard);
    }

    List<String> kinds() {
        return heard.stream().map(Heard::kind).toList();
    }

    List<UUID> referencesOf(String kind) {
        return heard.stream().filter(h -> h.kind().equals(kind)).map(h -> h.event().reference()).toList();
    }

    private void record(String kind, DeliveryEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new AssertionError("told outside a transaction: " + kind);
        }
        if (kind.equals(failOn)) {
            throw new IllegalStateException("listener refused " + kind);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                heard.add(new Heard(kind, event));
            }
        });
    }

    @Override
    public void delivered(DeliveryEvent event) {
        record("delivered", event);
    }

    @Override
    public void deadLettered(DeliveryEvent event) {
        record("deadLettered", event);
    }

    @Override
    public void expired(DeliveryEvent event) {
        record("expired", event);
    }

    @Override
    public void fetched(DeliveryEvent event) {
        record("fetched", event);
    }

    @Override
    public void confirmed(DeliveryEvent event) {
        record("confirmed", event);
    }
}
