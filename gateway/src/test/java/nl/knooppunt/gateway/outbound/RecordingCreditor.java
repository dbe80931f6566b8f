package nl.knooppunt.gateway.outbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A creditor's system as a real HTTP peer in the test JVM, receiving what {@link PostingChannel}
 * sends. It records every batch it has received completely and holds its answer to the first one
 * until the test lets go, so that a sender can be killed while it waits for that answer.
 */
final class RecordingCreditor implements AutoCloseable {

    /** One batch as the creditor received it. */
    record Delivery(UUID batchId, int attempt, List<UUID> references, List<String> messages) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicBoolean holdNext = new AtomicBoolean(true);
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private RecordingCreditor() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/batches", this::receive);
        server.setExecutor(threads);
        server.start();
    }

    static RecordingCreditor start() {
        return new RecordingCreditor();
    }

    URI uri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/batches");
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Whether the first batch has been received whole and its answer is being held. */
    boolean holding() {
        return held.getCount() == 0 && release.getCount() > 0;
    }

    /** The first batch received, the one whose answer is held. */
    Delivery held() {
        return deliveries.get(0);
    }

    /** Lets the held exchange answer; its sender may be long gone. */
    void releaseHeld() {
        release.countDown();
    }

    private void receive(HttpExchange exchange) {
        try {
            UUID batchId = UUID.fromString(exchange.getRequestHeaders().getFirst(PostingChannel.BATCH_ID));
            int attempt = Integer.parseInt(exchange.getRequestHeaders().getFirst(PostingChannel.ATTEMPT));
            List<UUID> references = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            try (BufferedReader body = new BufferedReader(
                    new InputStreamReader(exchange.getRequestBody(), StandardCharsets.UTF_8))) {
                for (String line = body.readLine(); line != null; line = body.readLine()) {
                    String[] fields = line.split(" ", 2);
                    references.add(UUID.fromString(fields[0]));
                    messages.add(new String(Base64.getDecoder().decode(fields[1]), StandardCharsets.UTF_8));
                }
            }
            deliveries.add(new Delivery(batchId, attempt, List.copyOf(references), List.copyOf(messages)));
            if (holdNext.compareAndSet(true, false)) {
                held.countDown();
                release.await(5, TimeUnit.MINUTES);
            }
            exchange.sendResponseHeaders(204, -1);
        } catch (IOException e) {
            // A batch cut off, or an answer nobody waits for any more: the sender is gone.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
