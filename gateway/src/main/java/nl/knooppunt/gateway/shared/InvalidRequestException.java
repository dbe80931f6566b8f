package nl.knooppunt.gateway.shared;

import java.util.List;

/** A request whose parameters are invalid; every offending parameter is named. */
public class InvalidRequestException extends Refusal {

    public static final String CODE = "validation-error";

    public InvalidRequestException(List<FieldProblem> problems) {
        super(Kind.INVALID, CODE, "Invalid request", problems.size() == 1
                ? "1 field is invalid." : problems.size() + " fields are invalid.", problems);
    }
}
