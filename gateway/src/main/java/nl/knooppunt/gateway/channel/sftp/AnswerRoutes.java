package nl.knooppunt.gateway.channel.sftp;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.registry.InvalidChannelException;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps one answer route per active SFTP creditor, made from the template
 * {@value SftpAnswerRoutes#TEMPLATE}, in line with the registry: a creditor registered at run time
 * gets its route, one whose SFTP settings changed gets it anew, one deactivated or moved to another
 * channel loses it. Each route has its own JDBC idempotent repository on {@code camel_messageprocessed},
 * with the creditor's OIN as processor name, so what was processed is shared by every instance and
 * kept over restarts.
 */
@Component
class AnswerRoutes {

    private static final Logger log = LoggerFactory.getLogger(AnswerRoutes.class);

    private final CamelContext camel;
    private final ParticipantRepository participants;
    private final SftpConnections connections;
    private final AnswerFiles files;
    private final DataSource dataSource;
    /** Per creditor with a route: the consumer URI it was made with. */
    private final Map<String, String> routes = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    AnswerRoutes(CamelContext camel, ParticipantRepository participants, SftpConnections connections,
                 AnswerFiles files, DataSource dataSource) {
        this.camel = camel;
        this.participants = participants;
        this.connections = connections;
        this.files = files;
        this.dataSource = dataSource;
    }

    static String routeId(String oin) {
        return SftpAnswerRoutes.TEMPLATE + "-" + oin;
    }

    /** The OINs of the creditors that have an answer route now. */
    Set<String> creditorsWithRoute() {
        return Set.copyOf(routes.keySet());
    }

    /** Adds, renews and removes answer routes so that every active SFTP creditor has exactly one. */
    public synchronized void reconcile() throws Exception {
        // Not while the context is still starting: a route added then is not always started with it
        // (seen as a creditor whose files were never read); the next tick comes after the start.
        if (!camel.isStarted()) {
            return;
        }
        Map<String, String> wanted = new HashMap<>();
        for (Participant participant : participants.findAll()) {
            if (!participant.active() || participant.channel().isEmpty()
                    || participant.channel().get().type() != ChannelType.SFTP) {
                continue;
            }
            String oin = participant.oin().value();
            try {
                wanted.put(oin, files.answerSource(oin, SftpChannelSettings.of(participant.channel().get())));
            } catch (InvalidChannelException e) {
                if (warned.add(oin + e.getMessage())) {
                    log.warn("SFTP creditor {} gets no answer route: {}", oin, e.getMessage());
                }
            }
        }
        if (!wanted.isEmpty()) {
            try {
                connections.checkConfigured();
            } catch (InvalidChannelException e) {
                if (warned.add(e.getMessage())) {
                    log.warn("No SFTP answer routes: {}", e.getMessage());
                }
                return;
            }
        }
        for (String oin : Set.copyOf(routes.keySet())) {
            if (!routes.get(oin).equals(wanted.get(oin))) {
                remove(oin);
            }
        }
        for (Map.Entry<String, String> creditor : wanted.entrySet()) {
            if (!routes.containsKey(creditor.getKey())) {
                add(creditor.getKey(), creditor.getValue());
            }
        }
    }

    private void add(String oin, String source) throws Exception {
        String repository = "sftpAnswerFiles-" + oin;
        JdbcMessageIdRepository processed = new JdbcMessageIdRepository(dataSource, oin);
        // The table is made by the migration V10; the repository's own SQL uses its column names.
        processed.setCreateTableIfNotExists(false);
        camel.getRegistry().bind(repository, IdempotentRepository.class, processed);
        TemplatedRouteBuilder.builder(camel, SftpAnswerRoutes.TEMPLATE)
                .routeId(routeId(oin))
                .parameter(SftpAnswerRoutes.CREDITOR, oin)
                .parameter(SftpAnswerRoutes.SOURCE, source)
                .parameter(SftpAnswerRoutes.REPOSITORY, repository)
                .add();
        if (!camel.getRouteController().getRouteStatus(routeId(oin)).isStarted()) {
            camel.getRouteController().startRoute(routeId(oin));
        }
        routes.put(oin, source);
        log.info("SFTP creditor {}: answer route started", oin);
    }

    private void remove(String oin) throws Exception {
        String id = routeId(oin);
        camel.getRouteController().stopRoute(id);
        camel.removeRoute(id);
        camel.getRegistry().unbind("sftpAnswerFiles-" + oin);
        routes.remove(oin);
        log.info("SFTP creditor {}: answer route removed", oin);
    }
}
