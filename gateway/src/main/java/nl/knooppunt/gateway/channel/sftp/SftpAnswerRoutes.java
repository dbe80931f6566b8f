package nl.knooppunt.gateway.channel.sftp;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The routes that take creditors' answer files:
 * <ul>
 *   <li>the template {@value #TEMPLATE}, from which each active SFTP creditor gets its route
 *       {@code sftp-answers-<OIN>}: it polls the creditor's answer directory for complete files,
 *       skips a file processed before (the JDBC idempotent repository, by name and content) and
 *       hands each file to {@link AnswerFiles};</li>
 *   <li>{@code sftp-answer-routes}: at start and then at every poll interval, brings those routes in
 *       line with the registry ({@link AnswerRoutes}).</li>
 * </ul>
 */
@Component
class SftpAnswerRoutes extends RouteBuilder {

    static final String TEMPLATE = "sftp-answers";
    static final String CREDITOR = "creditorOin";
    static final String SOURCE = "source";
    static final String REPOSITORY = "repository";

    private final AnswerFiles files;
    private final AnswerRoutes routes;
    private final SftpProperties properties;

    SftpAnswerRoutes(AnswerFiles files, AnswerRoutes routes, SftpProperties properties) {
        this.files = files;
        this.routes = routes;
        this.properties = properties;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter(CREDITOR)
                .templateParameter(SOURCE)
                .templateParameter(REPOSITORY)
                .from("{{" + SOURCE + "}}")
                .setHeader(AnswerFiles.CREDITOR, constant("{{" + CREDITOR + "}}"))
                .process(files::identify)
                // eager(false): the key is added only when the exchange completes, i.e. after the file
                // was applied and its report written. A crash before that leaves the key out and the file
                // in place: it is read again, and the inbound door's replay rule answers every message
                // that was committed before the crash with its original result instead of applying it
                // twice. skipDuplicate(false): a duplicate goes on, marked, so that it is reported and moved.
                .idempotentConsumer(header(AnswerFiles.KEY)).idempotentRepository("{{" + REPOSITORY + "}}")
                    .eager(false)
                    .skipDuplicate(false)
                    .process(files::handle)
                .end();

        from("timer:sftp-answer-routes?delay=0&period=" + properties.pollInterval().toMillis())
                .routeId("sftp-answer-routes")
                .bean(routes, "reconcile");
    }
}
