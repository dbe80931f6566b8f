package nl.knooppunt.gateway.database;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** What answers on a loopback port, asked the way the embedded database is used: as user postgres. */
sealed interface ServerOnPort {

    /** Nothing listens. */
    record Nothing() implements ServerOnPort {}

    /** A PostgreSQL server that let us in and told its data directory. */
    record Postgres(String dataDirectory) implements ServerOnPort {

        /** Same directory after resolving links, so a relative or symlinked configuration still matches. */
        boolean serves(Path directory) {
            try {
                return Path.of(dataDirectory).toRealPath().equals(directory.toRealPath());
            } catch (IOException | InvalidPathException e) {
                // A directory that does not exist here (another machine, a container) is not ours.
                return false;
            }
        }
    }

    /** Something else: not PostgreSQL, or one that does not let the gateway in as its own. */
    record Other(String reason) implements ServerOnPort {}

    static ServerOnPort probe(int port) {
        Properties connection = new Properties();
        connection.setProperty("user", "postgres");
        connection.setProperty("password", "postgres");
        connection.setProperty("sslmode", "disable");
        connection.setProperty("ApplicationName", "knooppunt start check");
        // Bounded, so that a silent listener on the port cannot hang the start.
        connection.setProperty("connectTimeout", "5");
        connection.setProperty("loginTimeout", "10");
        connection.setProperty("socketTimeout", "10");
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, connection);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show data_directory")) {
            rs.next();
            return new Postgres(rs.getString(1));
        } catch (SQLException e) {
            if (e.getCause() instanceof ConnectException) {
                return new Nothing();
            }
            return new Other(e.getMessage());
        }
    }
}
