package nl.knooppunt.gateway.shared;

import io.swagger.v3.oas.annotations.media.Schema;

/** One offending field of a request, in the {@code errors} member of a problem+json response. */
@Schema(name = "FieldProblem")
public record FieldProblem(
        @Schema(description = "Path of the field in the request, e.g. claims[0].creditorOin, or the query parameter.")
        String field,
        @Schema(description = "What is wrong with it.") String message) {}
