package nl.knooppunt.certs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Small, quick-to-generate specs (RSA 2048 CAs, EC leaves) for tests that generate many PKIs. */
final class SmallPkis {

    static final String PASSWORD = "changeit";

    private SmallPkis() {
    }

    static DevPkiSpec.Builder spec(Path dir) {
        return DevPkiSpec.builder(dir)
                .password(PASSWORD)
                .caKeyType(KeyType.RSA_2048)
                .serverKeyType(KeyType.EC_P256)
                .participant("alpha", "00000001000000010000", KeyType.EC_P256)
                .participant("beta", "00000001000000020000", KeyType.EC_P256);
    }

    /** Copies a whole PKI directory; the manifest's relative paths make the copy usable as is. */
    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
