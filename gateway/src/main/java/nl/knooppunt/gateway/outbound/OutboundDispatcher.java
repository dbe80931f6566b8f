package nl.knooppunt.gateway.outbound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import org.springframework.stereotype.Component;

/**
 * Decides on each tick which recipients this instance should serve now: those with work in the
 * database that are not already being served here. A recipient is served by at most one delivery
 * thread of this instance at a time (the database keeps other instances out).
 */
@Component
public class OutboundDispatcher {

    private final OutboundRepository outbound;
    private final ParticipantRepository participants;
    private final CreditorRoutes routes;
    private final Clock clock;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    OutboundDispatcher(OutboundRepository outbound, ParticipantRepository participants, CreditorRoutes routes,
                       Clock clock) {
        this.outbound = outbound;
        this.participants = participants;
        this.routes = routes;
        this.clock = clock;
    }

    /** OINs of recipients to serve now; each is marked in flight until {@link #done} is called. */
    public List<String> recipientsToServe() throws Exception {
        List<String> serve = new ArrayList<>();
        for (UUID recipientId : outbound.findRecipientsWithWork(clock.instant())) {
            Participant recipient = participants.findById(recipientId).orElse(null);
            if (recipient == null || recipient.channel().isEmpty()) {
                continue;
            }
            String oin = recipient.oin().value();
            if (inFlight.add(oin)) {
                if (routes.ensureDeliveryRoute(oin)) {
                    serve.add(oin);
                } else {
                    inFlight.remove(oin);
                }
            }
        }
        return serve;
    }

    public void done(String oin) {
        inFlight.remove(oin);
    }
}
