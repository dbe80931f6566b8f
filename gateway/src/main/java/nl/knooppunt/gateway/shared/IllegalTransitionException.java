package nl.knooppunt.gateway.shared;

/** A status change that the state machine does not allow; nothing has been changed. */
public class IllegalTransitionException extends Refusal {

    private final String machine;
    private final String from;
    private final String to;

    public IllegalTransitionException(String machine, String from, String to) {
        super(Kind.CONFLICT, "conflict", "Not allowed in this status",
                "Not possible in the current status " + from + "; nothing was changed.");
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
