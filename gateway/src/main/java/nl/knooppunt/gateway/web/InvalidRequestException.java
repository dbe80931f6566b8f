package nl.knooppunt.gateway.web;

import java.util.List;

/** A request whose parameters are invalid; every offending parameter is named. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super("Invalid request: " + problems.size() + " field(s)");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
