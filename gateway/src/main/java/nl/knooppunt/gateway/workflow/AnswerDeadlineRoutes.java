package nl.knooppunt.gateway.workflow;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code answer-deadlines}: every {@code knooppunt.workflow.deadline-scan-interval}, on every gateway
 * instance, hands the answer deadlines that are due to {@link AnswerDeadlines#handleDue()}. One
 * timer for all deadlines, never one per dossier; the database decides which instance handles which.
 */
@Component
class AnswerDeadlineRoutes extends RouteBuilder {

    static final String ROUTE = "answer-deadlines";

    private final AnswerDeadlines deadlines;
    private final AnswerDeadlineProperties properties;

    AnswerDeadlineRoutes(AnswerDeadlines deadlines, AnswerDeadlineProperties properties) {
        this.deadlines = deadlines;
        this.properties = properties;
    }

    @Override
    public void configure() {
        long period = properties.deadlineScanInterval().toMillis();
        from("timer:" + ROUTE + "?period=" + period + "&delay=" + period).routeId(ROUTE)
                .bean(deadlines, "handleDue");
    }
}
