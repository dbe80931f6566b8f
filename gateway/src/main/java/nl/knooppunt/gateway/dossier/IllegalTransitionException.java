package nl.knooppunt.gateway.dossier;

/** A status change that the state machine does not allow; nothing has been changed. */
public class IllegalTransitionException extends RuntimeException {

    private final String machine;
    private final String from;
    private final String to;

    public IllegalTransitionException(String machine, String from, String to) {
        super(machine + " cannot change from " + from + " to " + to);
        this.machine = machine;
        this.from = from;
        this.to = to;
    }

    public String machine() {
        return machine;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
