package nl.knooppunt.gateway.outbound;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.camel.CamelContext;

/**
 * The Camel endpoint of each recipient of one channel, for a channel whose transport hop is a Camel
 * endpoint: built once, and built again under a fresh name when what it was built from changes (the
 * recipient's channel settings, reloaded TLS material), the old one removed. One per channel.
 */
public final class RecipientEndpoints {

    private record Bound(Object builtFrom, String name, String uri) {}

    private final CamelContext camel;
    private final String prefix;
    private final Map<String, Bound> bound = new ConcurrentHashMap<>();
    private final AtomicInteger generation = new AtomicInteger();

    /** @param prefix of the names the endpoints' beans are bound under, e.g. {@code soap-creditor-} */
    public RecipientEndpoints(CamelContext camel, String prefix) {
        this.camel = camel;
        this.prefix = prefix;
    }

    /**
     * The recipient's endpoint URI.
     *
     * @param builtFrom what the endpoint depends on (compared with {@code equals})
     * @param build binds what the endpoint needs under the given name and returns its URI
     */
    public String uriFor(String recipientOin, Object builtFrom, Function<String, String> build) {
        return bound.compute(recipientOin, (oin, current) -> {
            if (current != null && current.builtFrom().equals(builtFrom)) {
                return current;
            }
            if (current != null) {
                forget(current);
            }
            String name = prefix + oin + "-" + generation.incrementAndGet();
            return new Bound(builtFrom, name, build.apply(name));
        }).uri();
    }

    private void forget(Bound old) {
        try {
            camel.removeEndpoints(old.uri());
        } catch (Exception e) {
            throw new IllegalStateException("The old endpoint of a recipient cannot be removed", e);
        }
        camel.getRegistry().unbind(old.name());
    }
}
