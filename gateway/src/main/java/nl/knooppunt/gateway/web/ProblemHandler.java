package nl.knooppunt.gateway.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.gateway.dossier.DossierNotFoundException;
import nl.knooppunt.gateway.dossier.DuplicateReferenceException;
import nl.knooppunt.gateway.dossier.IdempotencyKeyReusedException;
import nl.knooppunt.gateway.dossier.IllegalTransitionException;
import nl.knooppunt.gateway.dossier.NotAuthorizedException;
import nl.knooppunt.gateway.outbound.OutboundMessageNotFoundException;
import nl.knooppunt.gateway.dossier.SubmissionRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the REST API into RFC 9457 {@code application/problem+json}. Validation
 * problems list every offending field in {@code errors}; nothing internal (stack traces, SQL,
 * personal data) reaches the caller.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    static final URI VALIDATION = URI.create("urn:knooppunt:problem:validation-error");
    static final URI UNKNOWN_PARTICIPANT = URI.create("urn:knooppunt:problem:unknown-participant");
    static final URI NOT_FOUND = URI.create("urn:knooppunt:problem:not-found");
    static final URI FORBIDDEN = URI.create("urn:knooppunt:problem:forbidden");
    static final URI CONFLICT = URI.create("urn:knooppunt:problem:conflict");
    static final URI IDEMPOTENCY_KEY_REUSED = URI.create("urn:knooppunt:problem:idempotency-key-reused");
    static final URI DUPLICATE_REFERENCE = URI.create("urn:knooppunt:problem:duplicate-shv-reference");
    static final URI INTERNAL = URI.create("urn:knooppunt:problem:internal-error");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            problems.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
            problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage()));
        }
        problems.sort(java.util.Comparator.comparing(FieldProblem::field));
        return ResponseEntity.badRequest().body(validationProblem(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldProblem problem;
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            problem = new FieldProblem(path(unknown), "is not a field of this request");
        } else if (ex.getCause() instanceof InvalidFormatException format) {
            problem = new FieldProblem(path(format), "has the wrong type or format");
        } else if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            problem = new FieldProblem(path(mismatch), "has the wrong type");
        } else {
            problem = new FieldProblem("body", "is not valid JSON");
        }
        return ResponseEntity.badRequest().body(validationProblem(List.of(problem)));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException ex) {
        return ResponseEntity.badRequest().body(validationProblem(ex.problems()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return ResponseEntity.badRequest().body(validationProblem(List.of(
                new FieldProblem(ex.getName(), "has the wrong type or format"))));
    }

    @ExceptionHandler(SubmissionRejectedException.class)
    ResponseEntity<ProblemDetail> submissionRejected(SubmissionRejectedException ex) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, UNKNOWN_PARTICIPANT, "Unknown participant",
                "The dossier refers to participants the gateway does not know.");
        problem.setProperty("errors", ex.violations().stream()
                .map(v -> new FieldProblem(v.field(), v.message()))
                .toList());
        return respond(problem);
    }

    /** As the IETF Idempotency-Key draft prescribes for a key reused with another request body. */
    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> idempotencyKeyReused(IdempotencyKeyReusedException ex) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, IDEMPOTENCY_KEY_REUSED,
                "Idempotency-Key reused", "This Idempotency-Key was used before for a different submission; "
                        + "nothing was changed. Repeat a request exactly, or use a new key for a new or corrected one.");
        problem.setProperty("errors", List.of(new FieldProblem("Idempotency-Key",
                "was used before for a different submission")));
        return respond(problem);
    }

    @ExceptionHandler(DuplicateReferenceException.class)
    ResponseEntity<ProblemDetail> duplicateReference(DuplicateReferenceException ex) {
        String location = "/api/v1/dossiers/" + ex.existingDossierId();
        ProblemDetail problem = problem(HttpStatus.CONFLICT, DUPLICATE_REFERENCE, "shvReference already used",
                "You already submitted a different dossier with this shvReference; nothing was changed. "
                        + "The existing dossier is " + location + ".");
        problem.setProperty("errors", List.of(new FieldProblem("shvReference",
                "is the reference of a dossier you submitted before with other content")));
        problem.setProperty("dossierId", ex.existingDossierId());
        problem.setProperty("dossier", location);
        return ResponseEntity.status(HttpStatus.CONFLICT).location(URI.create(location)).body(problem);
    }

    @ExceptionHandler(DossierNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(DossierNotFoundException ex) {
        return respond(problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", "There is no such dossier."));
    }

    @ExceptionHandler(NotAuthorizedException.class)
    ResponseEntity<ProblemDetail> notAuthorized(NotAuthorizedException ex) {
        return respond(problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", ex.getMessage() + "; nothing was changed."));
    }

    @ExceptionHandler(OutboundMessageNotFoundException.class)
    ResponseEntity<ProblemDetail> messageNotFound(OutboundMessageNotFoundException ex) {
        return respond(problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", "There is no such message."));
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException ex) {
        return respond(problem(HttpStatus.CONFLICT, CONFLICT, "Not allowed in this status",
                "Not possible in the current status " + ex.from() + "; nothing was changed."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        // Logged without the request body: it may hold personal data.
        log.error("Unexpected error while handling an API request", ex);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL, "Internal error",
                "The request could not be handled; nothing was changed. Try again later."));
    }

    private static ProblemDetail validationProblem(List<FieldProblem> problems) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid request",
                problems.size() == 1 ? "1 field is invalid." : problems.size() + " fields are invalid.");
        problem.setProperty("errors", problems);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String path(JsonMappingException ex) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : ex.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
