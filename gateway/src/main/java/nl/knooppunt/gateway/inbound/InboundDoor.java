package nl.knooppunt.gateway.inbound;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.knooppunt.gateway.registry.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way in for creditors' messages, whatever the channel (SOAP now; REST, SFTP, the portal
 * next). It owns the transaction: a call is one database transaction, so a batch costs one durable
 * commit however many messages it holds, and each message runs in a savepoint of its own, so a
 * refused message is undone without undoing the others. Two batch modes:
 * <ul>
 *   <li>{@link #receiveEach} — each message on its own: the accepted ones are kept, every message
 *       has its result;</li>
 *   <li>{@link #receiveAllOrNothing} — applied whole or not at all: one refusal rolls everything
 *       back; every message is still checked so that every error is listed, and the ones that
 *       were fine are {@link InboundOutcome#NOT_PROCESSED}.</li>
 * </ul>
 * It also owns the replay rule (a message received before gets its original result, marked as
 * replay, and is not processed again), including the same message arriving twice at the same
 * moment: the loser waits for the winner, fails in its savepoint, and answers with the winner's
 * result as a replay. A failure that is no refusal and no such conflict rolls the whole call back
 * and is thrown: nothing was changed, the sender may send again.
 */
@Service
public class InboundDoor {

    private static final Logger log = LoggerFactory.getLogger(InboundDoor.class);

    private final InboundService rules;
    private final TransactionTemplate call;
    private final TransactionTemplate savepoint;

    InboundDoor(InboundService rules, PlatformTransactionManager transactions) {
        this.rules = rules;
        this.call = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * One message, in its own transaction.
     *
     * @return the result: accepted, or for a message received before its original result (replay)
     * @throws InboundRejectedException when the message is refused; nothing was changed
     */
    public InboundResult receive(Participant sender, InboundItem item, String channel) {
        Attempt attempt = call.execute(tx -> attempt(sender, item, channel));
        if (attempt.refusal() != null) {
            throw attempt.refusal();
        }
        if (attempt.failure() != null) {
            throw attempt.failure();
        }
        return attempt.result();
    }

    /** Many messages, each on its own: one transaction, a savepoint per message, a result per message in order. */
    public List<InboundResult> receiveEach(Participant sender, Iterable<InboundItem> items, String channel) {
        return call.execute(tx -> {
            List<InboundResult> results = new ArrayList<>();
            for (InboundItem item : items) {
                results.add(attempt(sender, item, channel).result());
            }
            return results;
        });
    }

    /**
     * Many messages, all or nothing: when every message is accepted (or a replay) all are kept;
     * otherwise nothing is, the refused ones carry their error and the others
     * {@link InboundOutcome#NOT_PROCESSED}. Messages that were received before in an earlier call
     * keep their replay result, since that earlier call stands.
     */
    public List<InboundResult> receiveAllOrNothing(Participant sender, Iterable<InboundItem> items, String channel) {
        return call.execute(tx -> {
            // Only the result of each message is kept (not its refusal exception): a file of 100,000
            // messages with many refusals stays small.
            List<InboundResult> results = new ArrayList<>();
            BitSet appliedNow = new BitSet();
            Set<UUID> appliedInThisCall = new HashSet<>();
            boolean anyRefused = false;
            for (InboundItem item : items) {
                // Keeps going after a refusal, each message in its own savepoint, so that every error is listed.
                Attempt attempt = attempt(sender, item, channel);
                anyRefused |= attempt.result().refused();
                if (attempt.appliedNow()) {
                    appliedNow.set(results.size());
                    appliedInThisCall.add(attempt.result().reference());
                }
                results.add(attempt.result());
            }
            if (!anyRefused) {
                return results;
            }
            tx.setRollbackOnly();
            for (int i = 0; i < results.size(); i++) {
                InboundResult result = results.get(i);
                boolean undone = appliedNow.get(i)
                        || (result.replay() && appliedInThisCall.contains(result.reference()));
                if (undone) {
                    results.set(i, InboundResult.notProcessed(result.reference()));
                }
            }
            return results;
        });
    }

    /** One message in its own savepoint: accepted, a replay, refused, or (rarely) not storable now. */
    private Attempt attempt(Participant sender, InboundItem item, String channel) {
        UUID reference = item.reference();
        if (item instanceof InboundItem.Unreadable unreadable) {
            return Attempt.refused(reference, new InboundRejectedException(InboundOutcome.SCHEMA_INVALID,
                    unreadable.reason()));
        }
        InboundItem.Readable readable = (InboundItem.Readable) item;
        try {
            InboundResult result = savepoint.execute(s -> rules.receive(sender, readable.message(), channel));
            return new Attempt(result, null, null, !result.replay());
        } catch (InboundRejectedException refused) {
            // A refusal can be the trace of a simultaneous duplicate (the claim was answered by the twin).
            return storedMeanwhile(sender, readable).orElseGet(() -> Attempt.refused(reference, refused));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException conflict) {
            // The twin won the unique key (or the lock); it is committed now, so its result can be read.
            Optional<Attempt> replay = storedMeanwhile(sender, readable);
            if (replay.isPresent()) {
                return replay.get();
            }
            log.warn("Message {} from {} could not be stored ({}); nothing of it was changed", reference,
                    sender.oin().value(), conflict.getClass().getSimpleName());
            return new Attempt(InboundResult.failed(reference), null, conflict, false);
        }
    }

    /**
     * The message as stored by another call after this one started, if it was: its result as a
     * replay, or the refusal of reusing its reference (another sender's, or other content).
     */
    private Optional<Attempt> storedMeanwhile(Participant sender, InboundItem.Readable item) {
        try {
            return savepoint.execute(s -> rules.replayOf(sender, item.message())).map(Attempt::replay);
        } catch (InboundRejectedException reused) {
            return Optional.of(Attempt.refused(item.reference(), reused));
        }
    }

    /**
     * What became of one message.
     *
     * @param refusal the refusal, for a single message that is thrown as such
     * @param failure a failure that is no refusal (the message could not be stored now)
     * @param appliedNow whether this call applied it (as opposed to a replay or a refusal)
     */
    private record Attempt(InboundResult result, InboundRejectedException refusal, DataAccessException failure,
                           boolean appliedNow) {

        static Attempt refused(UUID reference, InboundRejectedException refusal) {
            return new Attempt(InboundResult.rejected(reference, refusal), refusal, null, false);
        }

        static Attempt replay(InboundResult replay) {
            return new Attempt(replay, null, null, false);
        }
    }
}
