package nl.knooppunt.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A plain HTTP client for the gateway's REST API, as an SHV system would call it. */
public class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String authorization;

    public ApiClient(HttpClient http, String baseUrl, String authorization) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** A participant's system calling the participant port with its client certificate. */
    public static ApiClient participant(String name, int port) {
        return new ApiClient(HttpClient.newBuilder().sslContext(TestTls.participant(name)).build(),
                "https://localhost:" + port, null);
    }

    /** An operator on the operator port. */
    public static ApiClient operator(int operatorPort) {
        return new ApiClient(HttpClient.newHttpClient(), "http://localhost:" + operatorPort,
                "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "test-operator:test-operator-password".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public Response post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(authorized(request).build());
    }

    public Response post(String path, String body) {
        return post(path, body, Map.of());
    }

    public Response get(String path) {
        return send(authorized(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()).build());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, content type and body of one response. */
    public record Response(int status, String contentType, String location, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Response is not JSON: " + body, e);
            }
        }
    }
}
