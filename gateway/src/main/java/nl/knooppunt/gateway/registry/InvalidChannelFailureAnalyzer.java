package nl.knooppunt.gateway.registry;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a participant's unusable channel into Spring Boot's short "APPLICATION FAILED TO START" report. */
class InvalidChannelFailureAnalyzer extends AbstractFailureAnalyzer<InvalidChannelException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidChannelException cause) {
        String who = cause.participantOin() == null ? "A participant" : "Participant " + cause.participantOin();
        return new FailureAnalysis(
                who + " has a channel setting that cannot work.\n\n    " + cause.field() + ": " + cause.problem(),
                "Correct '" + cause.field() + "' of that participant in knooppunt.registry.participants "
                        + "(see docs/delivery.md, \"Channel settings\"), then start again.",
                cause);
    }
}
