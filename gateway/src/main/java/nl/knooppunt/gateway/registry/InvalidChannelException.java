package nl.knooppunt.gateway.registry;

/**
 * A participant's channel configuration that cannot work: a bad cron expression, an endpoint of
 * the wrong kind, a setting its channel does not understand. Raised at start-up, so that the
 * gateway does not start with it (rather than fail later, inside someone's transaction).
 */
public class InvalidChannelException extends RuntimeException {

    private final String participantOin;
    private final String field;
    private final String problem;

    /** @param field the setting, as configured under a participant (e.g. {@code channel.schedule}) */
    public InvalidChannelException(String field, String problem) {
        this(null, field, problem, null);
    }

    public InvalidChannelException(String field, String problem, Throwable cause) {
        this(null, field, problem, cause);
    }

    private InvalidChannelException(String participantOin, String field, String problem, Throwable cause) {
        super((participantOin == null ? "" : "Participant " + participantOin + ": ") + field + ": " + problem, cause);
        this.participantOin = participantOin;
        this.field = field;
        this.problem = problem;
    }

    /** The same problem, said of the participant it belongs to. */
    public InvalidChannelException of(String oin) {
        return new InvalidChannelException(oin, field, problem, getCause());
    }

    public String participantOin() {
        return participantOin;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
