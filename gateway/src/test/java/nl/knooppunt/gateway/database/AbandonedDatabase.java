package nl.knooppunt.gateway.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A process that starts an embedded PostgreSQL the way the gateway did before its start was checked
 * (zonky's defaults), prints {@code READY}, and waits to be killed, leaving the server behind as
 * an orphan. Arguments: data directory, port.
 */
public final class AbandonedDatabase {

    private AbandonedDatabase() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false)
                .setPort(Integer.parseInt(args[1]))
                .start();
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
