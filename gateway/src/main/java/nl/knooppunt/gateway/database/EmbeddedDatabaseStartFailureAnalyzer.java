package nl.knooppunt.gateway.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused embedded-database start into Spring Boot's short "APPLICATION FAILED TO START" report. */
class EmbeddedDatabaseStartFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseStartException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
