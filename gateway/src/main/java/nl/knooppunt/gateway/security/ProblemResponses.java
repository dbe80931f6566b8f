package nl.knooppunt.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Refusals by the security layer, written as RFC 9457 problem+json like every other API error. */
@Component
class ProblemResponses {

    static final URI NOT_AUTHENTICATED = URI.create("urn:knooppunt:problem:not-authenticated");
    static final URI FORBIDDEN = URI.create("urn:knooppunt:problem:forbidden");

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, HttpStatus status, URI type, String title, String detail,
               String challenge) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
