package nl.knooppunt.gateway.outbound;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Sends the due batches of one recipient: claim, send over the recipient's channel while keeping the
 * lease alive, record the outcome. Called by the recipient's delivery route inside its circuit
 * breaker; a recoverable failure is recorded first and then rethrown so the breaker counts it.
 */
@Service
public class BatchSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BatchSender.class);

    private final BatchClaimer claimer;
    private final OutcomeRecorder recorder;
    private final OutboundRepository outbound;
    private final ChannelRegistry channels;
    private final ParticipantRepository participants;
    private final BatchMessages messages;
    private final OutboundProperties properties;
    private final InstanceId instance;
    private final Clock clock;
    private final ScheduledExecutorService leaseKeeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbound-lease-keeper");
        t.setDaemon(true);
        return t;
    });

    BatchSender(BatchClaimer claimer, OutcomeRecorder recorder, OutboundRepository outbound, ChannelRegistry channels,
                ParticipantRepository participants, BatchMessages messages, OutboundProperties properties,
                InstanceId instance, Clock clock) {
        this.claimer = claimer;
        this.recorder = recorder;
        this.outbound = outbound;
        this.channels = channels;
        this.participants = participants;
        this.messages = messages;
        this.properties = properties;
        this.instance = instance;
        this.clock = clock;
    }

    /** @return how many batches were sent (delivered or failed unrecoverably) */
    public int sendDueBatches(String recipientOin) throws DeliveryFailure {
        Participant recipient = participants.findByOin(recipientOin)
                .filter(p -> p.channel().isPresent())
                .orElseThrow(() -> new IllegalArgumentException("Not a participant with a channel: " + recipientOin));
        Optional<OutboundChannel> channel = channels.forType(recipient.channel().get().type());
        int sent = 0;
        // A recipient with a big backlog lets go of its thread now and then.
        while (sent < properties.batchesPerTurn()) {
            Optional<ClaimedBatch> claimed = claimer.claimNext(recipient,
                    channel.map(OutboundChannel::batchesPerMessageType).orElse(false), instance.value());
            if (claimed.isEmpty()) {
                break;
            }
            send(claimed.get(), recipient, channel);
            sent++;
        }
        return sent;
    }

    private void send(ClaimedBatch batch, Participant recipient, Optional<OutboundChannel> channel)
            throws DeliveryFailure {
        ScheduledFuture<?> renewal = keepLeaseAlive(batch);
        BatchResult result;
        try {
            if (channel.isEmpty()) {
                throw DeliveryFailure.recoverable("no " + recipient.channel().get().type() + " channel is available", null);
            }
            result = channel.get().send(new OutboundBatch(batch.batchId(), recipient, batch.messageType(),
                    batch.messageCount(), batch.attempt(), batch.createdAt(), () -> messages.open(batch.batchId())));
        } catch (DeliveryFailure failure) {
            renewal.cancel(false);
            recorder.failed(batch, failure);
            if (failure.isRecoverable()) {
                throw failure;
            }
            return;
        } catch (RuntimeException e) {
            renewal.cancel(false);
            DeliveryFailure failure = FailureClassifier.classify("channel " + recipient.channel().get().type(), e);
            recorder.failed(batch, failure);
            if (failure.isRecoverable()) {
                throw failure;
            }
            return;
        }
        renewal.cancel(false);
        recorder.delivered(batch, result, channel.get().delivery());
    }

    private ScheduledFuture<?> keepLeaseAlive(ClaimedBatch batch) {
        long every = Math.max(1, properties.lease().toMillis() / 3);
        return leaseKeeper.scheduleAtFixedRate(() -> {
            try {
                if (!outbound.renewLease(batch.batchId(), batch.owner(), batch.attempt(),
                        clock.instant().plus(properties.lease()))) {
                    log.warn("Batch {}: lease could not be renewed; another instance may take it over", batch.batchId());
                }
            } catch (RuntimeException e) {
                log.warn("Batch {}: lease renewal failed: {}", batch.batchId(), e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        leaseKeeper.shutdownNow();
    }
}
