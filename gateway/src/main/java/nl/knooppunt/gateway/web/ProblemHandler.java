package nl.knooppunt.gateway.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import nl.knooppunt.gateway.shared.FieldProblem;
import nl.knooppunt.gateway.shared.InvalidRequestException;
import nl.knooppunt.gateway.shared.Refusal;
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

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return ResponseEntity.badRequest().body(validationProblem(List.of(
                new FieldProblem(ex.getName(), "has the wrong type or format"))));
    }

    /** Every refusal of every feature: its kind gives the status, its code the stable type. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        ProblemDetail problem = problem(HttpStatus.valueOf(refusal.kind().httpStatus()), refusal.type(),
                refusal.title(), refusal.detail());
        if (!refusal.problems().isEmpty()) {
            problem.setProperty("errors", refusal.problems());
        }
        refusal.properties().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        refusal.location().ifPresent(response::location);
        return response.body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        // Logged without the request body: it may hold personal data.
        log.error("Unexpected error while handling an API request", ex);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL, "Internal error",
                "The request could not be handled; nothing was changed. Try again later."));
    }

    private static ProblemDetail validationProblem(List<FieldProblem> problems) {
        InvalidRequestException invalid = new InvalidRequestException(problems);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, invalid.type(), invalid.title(), invalid.detail());
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
