package nl.knooppunt.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link DevPkiGenerator#generateIfAbsent}: keep what is intact and current, regenerate otherwise. */
class GenerateIfAbsentTest {

    private static final Path BASELINE = Path.of("target", "test-pki", "baseline");
    private static DevPki baseline;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateBaseline() {
        baseline = DevPkiGenerator.generate(SmallPkis.spec(BASELINE).build());
    }

    @Test
    void emptyDirectoryGetsAFreshPki(@TempDir Path empty) {
        DevPki pki = DevPkiGenerator.generateIfAbsent(SmallPkis.spec(empty).build());

        assertThat(pki.freshlyGenerated()).isTrue();
        assertThat(pki.participants()).containsOnlyKeys("alpha", "beta");
        assertThat(pki.manifest()).isRegularFile();
    }

    @Test
    void sameSpecKeepsTheExistingFilesAndSerials() throws Exception {
        SmallPkis.copy(BASELINE, dir);
        Map<Path, byte[]> before = contents(dir);

        DevPki kept = DevPkiGenerator.generateIfAbsent(SmallPkis.spec(dir).build());

        assertThat(kept.freshlyGenerated()).isFalse();
        assertThat(serials(kept)).isEqualTo(serials(baseline));
        assertThat(contents(dir)).containsOnlyKeys(before.keySet());
        before.forEach((file, bytes) -> assertThat(read(file)).as(file.toString()).isEqualTo(bytes));
        assertThat(kept.directory()).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void addedParticipantRegenerates() {
        SmallPkis.copy(BASELINE, dir);

        DevPki pki = DevPkiGenerator.generateIfAbsent(
                SmallPkis.spec(dir).participant("gamma", "00000001000000030000", KeyType.RSA_2048).build());

        assertThat(pki.freshlyGenerated()).isTrue();
        assertThat(pki.participants()).containsOnlyKeys("alpha", "beta", "gamma");
        assertThat(pki.participantKeyStore("gamma")).isRegularFile();
        assertThat(pki.participant("alpha").serialNumber()).isNotEqualTo(baseline.participant("alpha").serialNumber());
        assertThat(DevPkiGenerator.generateIfAbsent(
                SmallPkis.spec(dir).participant("gamma", "00000001000000030000", KeyType.RSA_2048).build()).freshlyGenerated())
                .isFalse();
    }

    @Test
    void droppedParticipantRegeneratesAndLeavesNoStaleFiles() {
        SmallPkis.copy(BASELINE, dir);
        DevPkiSpec onlyAlpha = DevPkiSpec.builder(dir).password(SmallPkis.PASSWORD).caKeyType(KeyType.RSA_2048)
                .serverKeyType(KeyType.EC_P256).participant("alpha", "00000001000000010000", KeyType.EC_P256).build();

        DevPki pki = DevPkiGenerator.generateIfAbsent(onlyAlpha);

        assertThat(pki.freshlyGenerated()).isTrue();
        assertThat(pki.participants()).containsOnlyKeys("alpha");
        assertThat(dir.resolve("participants/beta.p12")).doesNotExist();
        assertThat(dir.resolve("participants/beta.pem")).doesNotExist();
    }

    @Test
    void pkiWithinThirtyDaysOfExpiryRegeneratesAndOneJustOutsideIsKept() {
        SmallPkis.copy(BASELINE, dir);
        Instant firstExpiry = baseline.server().notAfter();

        DevPki stillFine = DevPkiGenerator.generateIfAbsent(
                SmallPkis.spec(dir).clock(at(firstExpiry.minus(Duration.ofDays(31)))).build());
        assertThat(stillFine.freshlyGenerated()).isFalse();

        DevPkiGenerator.Outcome nearExpiry = DevPkiGenerator.ensure(
                SmallPkis.spec(dir).clock(at(firstExpiry.minus(Duration.ofDays(29)))).build());
        assertThat(nearExpiry.pki().freshlyGenerated()).isTrue();
        assertThat(nearExpiry.regenerationReason()).contains("expires at", "renewal margin");
        assertThat(nearExpiry.pki().server().notAfter()).isAfter(firstExpiry.plus(Duration.ofDays(300)));
    }

    @Test
    void otherPasswordRegenerates() throws Exception {
        SmallPkis.copy(BASELINE, dir);

        DevPkiGenerator.Outcome outcome = DevPkiGenerator.ensure(SmallPkis.spec(dir).password("another-one").build());

        assertThat(outcome.pki().freshlyGenerated()).isTrue();
        assertThat(outcome.regenerationReason()).contains("unreadable");
        assertThat(outcome.pki().participant("alpha").loadKeyStore("another-one".toCharArray()).isKeyEntry("alpha")).isTrue();
    }

    enum Damage {
        KEY_STORE_DELETED, CRL_DELETED, KEY_STORES_SWAPPED, TRUST_STORE_EMPTIED, MANIFEST_DELETED
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void incompleteOrTamperedPkiRegenerates(Damage damage) throws Exception {
        SmallPkis.copy(BASELINE, dir);
        switch (damage) {
            case KEY_STORE_DELETED -> Files.delete(dir.resolve("negative/revoked.p12"));
            case CRL_DELETED -> Files.delete(dir.resolve("ca/intermediate-ca.crl"));
            case KEY_STORES_SWAPPED -> Files.copy(dir.resolve("participants/beta.p12"), dir.resolve("participants/alpha.p12"),
                    StandardCopyOption.REPLACE_EXISTING);
            case TRUST_STORE_EMPTIED -> KeyStores.writeTrustStore(dir.resolve("truststore.p12"),
                    SmallPkis.PASSWORD.toCharArray(), List.of());
            case MANIFEST_DELETED -> Files.delete(dir.resolve("pki.properties"));
            default -> throw new IllegalArgumentException();
        }

        DevPki pki = DevPkiGenerator.generateIfAbsent(SmallPkis.spec(dir).build());

        assertThat(pki.freshlyGenerated()).isTrue();
        assertThat(pki.revoked().serialNumber()).isNotEqualTo(baseline.revoked().serialNumber());
        assertThat(DevPkiGenerator.generateIfAbsent(SmallPkis.spec(dir).build()).freshlyGenerated()).isFalse();
    }

    @Test
    void generateAlwaysMakesANewPki() {
        SmallPkis.copy(BASELINE, dir);

        DevPki pki = DevPkiGenerator.generate(SmallPkis.spec(dir).build());

        assertThat(pki.freshlyGenerated()).isTrue();
        assertThat(serials(pki).values()).doesNotContainAnyElementsOf(serials(baseline).values());
    }

    @Test
    void concurrentCallersGetOneAndTheSamePki(@TempDir Path empty) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Callable<DevPki> call = () -> DevPkiGenerator.generateIfAbsent(SmallPkis.spec(empty).build());
            List<Future<DevPki>> results = new ArrayList<>(List.of(executor.submit(call), executor.submit(call)));
            DevPki first = results.get(0).get();
            DevPki second = results.get(1).get();

            assertThat(serials(first)).isEqualTo(serials(second));
            assertThat(List.of(first.freshlyGenerated(), second.freshlyGenerated())).containsExactlyInAnyOrder(true, false);
        } finally {
            executor.shutdownNow();
        }
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static Map<String, BigInteger> serials(DevPki pki) {
        Map<String, BigInteger> serials = new HashMap<>();
        pki.endEntities().forEach(entity -> serials.put(entity.name(), entity.serialNumber()));
        return serials;
    }

    private static Map<Path, byte[]> contents(Path dir) throws Exception {
        Map<Path, byte[]> contents = new HashMap<>();
        try (var files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(file -> contents.put(file, read(file)));
        }
        return contents;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
