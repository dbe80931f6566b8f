package nl.knooppunt.gateway.database;

/** The embedded database cannot be started safely; says what is wrong and what to change. */
class EmbeddedDatabaseStartException extends IllegalStateException {

    private final String action;

    EmbeddedDatabaseStartException(String description, String action) {
        super(description + " " + action);
        this.action = action;
    }

    String action() {
        return action;
    }

    String description() {
        return getMessage().substring(0, getMessage().length() - action.length() - 1);
    }
}
