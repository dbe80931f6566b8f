package nl.knooppunt.gateway.channel.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import nl.knooppunt.gateway.support.TestTls;
import nl.knooppunt.mappings.BatchReader;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.Message;
import nl.knooppunt.mappings.json.JsonMessageCodec;

/**
 * A creditor's REST service as a real HTTPS peer in the test JVM: the JDK's HTTPS server, demanding a
 * client certificate that chains to the dev PKI's root, with the server certificate given. It reads
 * every batch as the contract's JSON batch form (refusing one that is not), records it, and answers as
 * the test scripts per path: accept all, reject some, fail with a status, or hang.
 *
 * <p>Made with its port bound (so the gateway's registry can name it) and started once the test PKI
 * exists, which the gateway generates when its context starts.
 */
final class CreditorRestService implements AutoCloseable {

    /** One request as the creditor received it. */
    record Received(String path, String idempotencyKey, String contentType, String authorization, String clientSubject,
                    byte[] body, UUID batchId, String recipientOin, List<UUID> references, List<Message> messages) {}

    /** A token request as the creditor's token endpoint received it. */
    record TokenRequest(String authorization, String form) {}

    /** The answer to send. */
    record Answer(int status, Map<String, String> headers, String body) {}

    @FunctionalInterface
    interface Behaviour {
        /** @return the answer, or null to hang until the service closes */
        Answer answer(Received request) throws Exception;
    }

    static final ObjectMapper JSON = new ObjectMapper();

    static final Behaviour ACCEPT_ALL = request -> answer(request, Map.of());

    private final HttpsServer server;
    private final Path serverKeyStore;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger tokensIssued = new java.util.concurrent.atomic.AtomicInteger();
    private volatile long tokenLifetimeSeconds = 3600;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean keepBodies = true;
    private volatile CountDownLatch firstMessageRead = new CountDownLatch(1);
    private boolean started;

    /** @param serverKeyStore PKCS#12 of the server certificate, relative to the test PKI */
    CreditorRestService(String serverKeyStore) {
        this.serverKeyStore = TestTls.PKI.resolve(serverKeyStore);
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::receive);
        server.setExecutor(threads);
    }

    int port() {
        return server.getAddress().getPort();
    }

    synchronized void startOnce() {
        if (started) {
            return;
        }
        server.setHttpsConfigurator(new HttpsConfigurator(context()) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        server.start();
        started = true;
    }

    void behave(String path, Behaviour behaviour) {
        behaviours.put(path, behaviour);
    }

    /** Whether to keep each request's raw body (off for very large batches). */
    void keepBodies(boolean keep) {
        keepBodies = keep;
    }

    void reset() {
        behaviours.clear();
        received.clear();
        tokenRequests.clear();
        tokensIssued.set(0);
        tokenLifetimeSeconds = 3600;
        keepBodies = true;
        firstMessageRead = new CountDownLatch(1);
    }

    /** Counted down when the service has read the first message of a request. */
    CountDownLatch firstMessageRead() {
        return firstMessageRead;
    }

    /** The {@code expires_in} of the tokens issued from now on. */
    void tokenLifetime(long seconds) {
        tokenLifetimeSeconds = seconds;
    }

    List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** The last access token issued at {@code /oauth/token}, or null. */
    String lastToken() {
        int issued = tokensIssued.get();
        return issued == 0 ? null : "token-" + issued;
    }

    List<Received> receivedAt(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Accepts every message of the request but those given, which it rejects with the reason. */
    static Answer answer(Received request, Map<UUID, String> rejected) {
        ObjectNode body = JSON.createObjectNode();
        body.put("batchId", request.batchId().toString());
        ArrayNode results = body.putArray("results");
        for (UUID reference : request.references()) {
            ObjectNode result = results.addObject().put("reference", reference.toString())
                    .put("accepted", !rejected.containsKey(reference));
            if (rejected.containsKey(reference)) {
                result.put("reason", rejected.get(reference));
            }
        }
        return new Answer(200, Map.of("Content-Type", "application/json"), body.toString());
    }

    static Answer status(int status, Map<String, String> headers) {
        return new Answer(status, headers, null);
    }

    private void receive(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/oauth/token")) {
                issueToken(exchange);
                return;
            }
            X509Certificate client = (X509Certificate) ((HttpsExchange) exchange).getSSLSession()
                    .getPeerCertificates()[0];
            Received request;
            try (InputStream in = exchange.getRequestBody()) {
                request = read(path, exchange, client, in);
            }
            received.add(request);
            Behaviour behaviour = behaviours.getOrDefault(path, ACCEPT_ALL);
            Answer answer = behaviour.answer(request);
            if (answer == null) {
                closing.await(5, TimeUnit.MINUTES);
                return;
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = answer.body() == null ? new byte[0] : answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // A batch cut off, or an answer nobody waits for any more: the sender is gone.
        } finally {
            exchange.close();
        }
    }

    /** A token endpoint for the client credentials grant; the test checks what it was asked. */
    private void issueToken(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        tokenRequests.add(new TokenRequest(exchange.getRequestHeaders().getFirst("Authorization"), form));
        String token = "token-" + tokensIssued.incrementAndGet();
        byte[] body = JSON.createObjectNode().put("access_token", token).put("token_type", "Bearer")
                .put("expires_in", tokenLifetimeSeconds).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private Received read(String path, HttpExchange exchange, X509Certificate client, InputStream in) throws IOException {
        byte[] body = keepBodies ? in.readAllBytes() : null;
        InputStream batch = body == null ? in : new java.io.ByteArrayInputStream(body);
        List<Message> messages = new ArrayList<>();
        List<UUID> references = new ArrayList<>();
        BatchHeader header;
        try (BatchReader reader = new JsonMessageCodec().openBatchReader(batch)) {
            header = reader.batchHeader().orElseThrow();
            while (reader.hasNext()) {
                Message message = reader.next();
                references.add(message.header().referentienummer());
                firstMessageRead.countDown();
                if (keepBodies) {
                    // A large batch keeps only the references.
                    messages.add(message);
                }
            }
        }
        return new Received(path, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"), client.getSubjectX500Principal().getName(),
                body, header.batchId(), header.ontvangerOin(), List.copyOf(references), List.copyOf(messages));
    }

    private SSLContext context() {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(serverKeyStore)) {
                keys.load(in, TestTls.PASSWORD);
            }
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, TestTls.PASSWORD);
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(TestTls.PKI.resolve("truststore.p12"))) {
                anchors.load(in, TestTls.PASSWORD);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("The creditor's TLS cannot be set up from " + serverKeyStore, e);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
