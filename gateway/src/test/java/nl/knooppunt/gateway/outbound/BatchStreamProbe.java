package nl.knooppunt.gateway.outbound;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import nl.knooppunt.gateway.privacy.PrivacyProperties;
import nl.knooppunt.gateway.privacy.PersonalDataCipher;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Streams one batch from the database the way a channel does, in a JVM of its own with a small
 * heap, and prints {@code STREAMED <messages> <bytes>} and its peak heap use. Run by {@link BatchStreamingMemoryTest}.
 * Arguments: JDBC URL, batch id, data key file, page size.
 */
public final class BatchStreamProbe {

    private BatchStreamProbe() {}

    public static void main(String[] args) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        BatchMessages messages = new BatchMessages(new OutboundRepository(JdbcClient.create(dataSource)),
                new PersonalDataCipher(new PrivacyProperties(null, Path.of(args[2]), false)), Integer.parseInt(args[3]));
        AtomicLong count = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        messages.open(UUID.fromString(args[1])).forEach(item -> {
            count.incrementAndGet();
            bytes.addAndGet(item.payload().length);
        });
        long peakHeap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        System.out.println("STREAMED " + count.get() + " " + bytes.get());
        System.out.println("PEAK_HEAP_BYTES " + peakHeap);
    }
}
