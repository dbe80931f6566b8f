package nl.knooppunt.gateway.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import nl.knooppunt.gateway.support.TestTls;

/**
 * An SHV's webhook receiver as a real HTTPS server in the test JVM (server certificate of the dev PKI,
 * as participants' servers have): records every request with its headers and raw body, and answers
 * with the status the test scripts. It can go down (its port closed: connection refused) and come
 * back on the same port.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as the receiver got it, and the status it answered. */
    record Received(String path, String contentType, String deliveryId, String timestamp, String signature,
                    byte[] body, int answered) {}

    private final int port;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<Received> behaviour = r -> 204;
    private HttpsServer server;

    WebhookReceiver() {
        server = create(0);
        port = server.getAddress().getPort();
    }

    int port() {
        return port;
    }

    /** Starts (once the test PKI exists), or comes back after {@link #goDown}. */
    synchronized void up() {
        if (server == null) {
            server = create(port);
        }
        if (!started) {
            server.setHttpsConfigurator(new HttpsConfigurator(context()));
            server.start();
            started = true;
        }
    }

    private boolean started;

    /** Closes the port: the gateway's connections are refused. */
    synchronized void goDown() {
        if (server != null && started) {
            server.stop(0);
        }
        server = null;
        started = false;
    }

    /** @param status the status for each request (the request is recorded with it) */
    void answer(ToIntFunction<Received> status) {
        behaviour = status;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void reset() {
        received.clear();
        behaviour = r -> 204;
    }

    private HttpsServer create(int onPort) {
        try {
            HttpsServer created = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
            created.createContext("/", this::receive);
            created.setExecutor(threads);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            var headers = exchange.getRequestHeaders();
            Received request = new Received(exchange.getRequestURI().getPath(), headers.getFirst("Content-Type"),
                    headers.getFirst("Knooppunt-Delivery-Id"), headers.getFirst("Knooppunt-Timestamp"),
                    headers.getFirst("Knooppunt-Signature"), body, 0);
            int status = behaviour.applyAsInt(request);
            received.add(new Received(request.path(), request.contentType(), request.deliveryId(), request.timestamp(),
                    request.signature(), body, status));
            // No keep-alive: every POST opens its own connection, so a receiver that is down refuses it.
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private static SSLContext context() {
        try (InputStream in = Files.newInputStream(TestTls.PKI.resolve("gateway/gateway.p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, TestTls.PASSWORD);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, TestTls.PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("The receiver's TLS cannot be set up", e);
        }
    }

    @Override
    public synchronized void close() {
        goDown();
        threads.shutdownNow();
    }
}
