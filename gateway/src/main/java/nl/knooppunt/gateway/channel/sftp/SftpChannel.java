package nl.knooppunt.gateway.channel.sftp;

import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.SftpException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.knooppunt.gateway.messages.MessageXml;
import nl.knooppunt.gateway.outbound.BatchResult;
import nl.knooppunt.gateway.outbound.DeliveryFailure;
import nl.knooppunt.gateway.outbound.FailureClassifier;
import nl.knooppunt.gateway.outbound.OutboundBatch;
import nl.knooppunt.gateway.outbound.OutboundChannel;
import nl.knooppunt.gateway.outbound.OutboundItem;
import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.InvalidChannelException;
import nl.knooppunt.gateway.security.TlsMaterial;
import nl.knooppunt.gateway.security.cms.CmsEncryptor;
import nl.knooppunt.gateway.security.cms.CmsIdentity;
import nl.knooppunt.gateway.security.cms.CmsSignatureScheme;
import nl.knooppunt.gateway.security.cms.CmsSigner;
import nl.knooppunt.mappings.BatchWriter;
import nl.knooppunt.mappings.MessageCodec;
import nl.knooppunt.mappings.canonical.BatchHeader;
import nl.knooppunt.mappings.canonical.MessageType;
import nl.knooppunt.mappings.csv.CsvMessageCodec;
import nl.knooppunt.mappings.xml.XmlMessageCodec;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Delivers batches to creditors that exchange files over SFTP ({@link SftpChannelSettings}): each batch
 * (one message type) becomes ONE file in the creditor's format — the contract's CSV layout of the type,
 * or the contract's XML batch — UTF-8, named
 * {@code <creditorOIN>_<messagetype>_<batchId>_<yyyyMMdd'T'HHmmss'Z'>.<csv|xml>}, in {@code base/batches/}:
 * <ol>
 *   <li>{@code <name>.p7s}: the gateway's detached CMS signature over the file as written (plaintext);
 *   <li>the data file: {@code <name>}, or, with {@code encrypt-to}, {@code <name>.p7m}, the CMS
 *       EnvelopedData of the plaintext (the creditor decrypts, then verifies the {@code .p7s});
 *   <li>{@code <data file>.done}, empty, last: data and signature are complete.
 * </ol>
 * Each is uploaded under a temporary name ({@code .part}) and renamed when complete, replacing a file of
 * that name. The timestamp in the name is the batch's creation time, and the file's own creation
 * time ({@code Aangemaakt} in the XML header) is too, so a batch sent again (after a crash, a timeout)
 * has the same names and the same plaintext: the creditor never sees two different files for one batch.
 *
 * <p>The file is written message by message from the database into a local temporary file under
 * {@code knooppunt.sftp.work-directory}, then signed, encrypted and uploaded from there, streaming: a
 * batch of 100,000 messages is never held in memory. The local files are deleted afterwards, also when
 * the delivery failed.
 *
 * <p>Uploading a batch means the file is there: every message counts as accepted; the creditor answers
 * with answer files later.
 *
 * <p>Connections: one at a time per creditor ({@link UploadConnection}), connected for each file and
 * closed after it ({@code disconnect=true}), no reconnect attempts within an attempt (the engine
 * retries with backoff). A watchdog closes the connection when the server takes nothing in for
 * {@code knooppunt.sftp.read-timeout}, so a hung server fails the attempt instead of holding the
 * delivery thread.
 */
@Component
class SftpChannel implements OutboundChannel, DisposableBean {

    static final String ROUTE = "direct:sftp-deliver";
    static final String ENDPOINT = "knooppuntSftpEndpoint";
    static final String UPLOAD_CONNECTION = "knooppuntSftpUpload-";
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final SftpConnections connections;
    private final SftpProperties properties;
    private final ProducerTemplate producer;
    private final MessageXml xml;
    private final TlsMaterial tls;
    private final Clock clock;
    private final XmlMessageCodec xmlCodec = new XmlMessageCodec();
    private final CmsEncryptor encryptor = new CmsEncryptor();
    /**
     * One upload connection per creditor (by OIN), used by one batch at a time (its lock). The engine
     * sends one batch per creditor at a time already (one batch in SENDING per recipient), but a batch
     * taken over after its lease ran out may meet the old sender still uploading: with this lock and
     * {@code disconnect=true} a creditor's server sees at most one connection from this instance.
     */
    private final Map<String, UploadConnection> uploadConnections = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sftp-upload-watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile Signing signing;

    SftpChannel(SftpConnections connections, SftpProperties properties, ProducerTemplate producer, MessageXml xml,
                TlsMaterial tls, Clock clock) {
        this.connections = connections;
        this.properties = properties;
        this.producer = producer;
        this.xml = xml;
        this.tls = tls;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.SFTP;
    }

    /** CSV files have one layout per message type: every batch file holds one type. */
    @Override
    public boolean batchesPerMessageType() {
        return true;
    }

    /**
     * The settings are read as the upload reads them, and the gateway's key and {@code known_hosts} must
     * be there: a bad one stops the start, naming the field.
     */
    @Override
    public void validate(CreditorChannel channel) {
        SftpChannelSettings.of(channel);
        connections.checkConfigured();
    }

    @Override
    public BatchResult send(OutboundBatch batch) throws DeliveryFailure {
        SftpChannelSettings settings = settings(batch);
        MessageType type = MessageType.fromCode(batch.messageType()).orElseThrow(() -> DeliveryFailure.unrecoverable(
                "An SFTP batch holds one known message type, not '" + batch.messageType() + "'", null));
        if (batch.createdAt() == null) {
            throw DeliveryFailure.unrecoverable("The batch's creation time is needed to name its file", null);
        }
        String name = fileName(batch, type, settings);
        Path work = workDirectory(batch);
        try {
            Path plain = work.resolve(name);
            write(batch, type, settings, plain);
            Path signature = work.resolve(name + ".p7s");
            sign(plain, signature);
            Path data = plain;
            if (settings.encryptTo() != null) {
                data = work.resolve(name + ".p7m");
                encrypt(plain, data, settings);
            }
            upload(batch, settings, signature, data);
            return new BatchResult(Map.of());
        } finally {
            deleteQuietly(work);
        }
    }

    /** {@code <creditorOIN>_<messagetype>_<batchId>_<creation time, UTC>.<csv|xml>}. */
    static String fileName(OutboundBatch batch, MessageType type, SftpChannelSettings settings) {
        return batch.recipient().oin().value() + "_" + type.code() + "_" + batch.id() + "_"
                + TIMESTAMP.format(batch.createdAt()) + "." + settings.format().extension();
    }

    private static SftpChannelSettings settings(OutboundBatch batch) throws DeliveryFailure {
        CreditorChannel channel = batch.recipient().channel().orElseThrow(() -> DeliveryFailure.unrecoverable(
                "The recipient has no channel", null));
        try {
            return SftpChannelSettings.of(channel);
        } catch (InvalidChannelException e) {
            // Checked at start-up; what changes after (an encrypt-to certificate expired or was removed)
            // needs an operator: retried, so the messages wait for the fix instead of dying at once.
            throw DeliveryFailure.recoverable("SFTP channel setting " + e.getMessage(), null);
        }
    }

    private Path workDirectory(OutboundBatch batch) throws DeliveryFailure {
        try {
            Files.createDirectories(properties.workDirectory());
            return Files.createTempDirectory(properties.workDirectory(), "batch-" + batch.id() + "-");
        } catch (IOException e) {
            throw DeliveryFailure.recoverable("SFTP work directory " + properties.workDirectory()
                    + " cannot be used: " + e, e);
        }
    }

    /** Writes the batch file, one message decrypted, converted and written at a time. */
    private void write(OutboundBatch batch, MessageType type, SftpChannelSettings settings, Path file)
            throws DeliveryFailure {
        MessageCodec codec = settings.format() == SftpChannelSettings.FileFormat.CSV
                ? CsvMessageCodec.forType(type) : xmlCodec;
        BatchHeader header = new BatchHeader(batch.id(), batch.recipient().oin().value(),
                batch.createdAt().atOffset(ZoneOffset.UTC), batch.messageCount());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
             Stream<OutboundItem> items = batch.messages();
             BatchWriter writer = codec.openBatchWriter(header, out)) {
            items.forEach(item -> writer.write(xml.read(item.payload())));
        } catch (IOException | UncheckedIOException e) {
            throw DeliveryFailure.recoverable("The batch file could not be written locally: " + e, e);
        }
    }

    private void sign(Path plain, Path signature) throws DeliveryFailure {
        try (InputStream in = Files.newInputStream(plain);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(signature))) {
            signer().signDetached(in, out);
        } catch (IOException e) {
            throw DeliveryFailure.recoverable("The batch file could not be signed: " + e, e);
        }
    }

    private void encrypt(Path plain, Path encrypted, SftpChannelSettings settings) throws DeliveryFailure {
        try (InputStream in = Files.newInputStream(plain);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(encrypted), 64 * 1024)) {
            encryptor.encrypt(in, out, settings.encryptTo());
        } catch (IOException | IllegalArgumentException e) {
            throw DeliveryFailure.recoverable("The batch file could not be encrypted to the creditor's certificate "
                    + "(channel.settings." + SftpChannelSettings.ENCRYPT_TO + "): " + e.getMessage(), e);
        }
    }

    /** Signature first, then the data file with its done-file: the done-file means both are complete. */
    private void upload(OutboundBatch batch, SftpChannelSettings settings, Path signature, Path data)
            throws DeliveryFailure {
        String oin = batch.recipient().oin().value();
        UploadConnection connection = uploadConnections.computeIfAbsent(oin, this::newUploadConnection);
        String directory = connections.uri(settings, settings.batchDirectory())
                + "&tempFileName=${file:name}.part&fileExist=Override&disconnect=true&maximumReconnectAttempts=0"
                + "&proxy=#" + UPLOAD_CONNECTION + oin;
        try {
            connection.lock().lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.recoverable("Interrupted while waiting for the creditor's SFTP connection", e);
        }
        try {
            put(connection, directory, signature);
            put(connection, directory + "&doneFileName=${file:name}.done", data);
        } finally {
            connection.lock().unlock();
        }
    }

    private UploadConnection newUploadConnection(String oin) {
        UploadConnection connection = new UploadConnection();
        producer.getCamelContext().getRegistry().bind(UPLOAD_CONNECTION + oin, connection);
        return connection;
    }

    /**
     * Uploads one file while a watchdog looks on: when the server takes in nothing for the read timeout
     * (after the connect timeout for connecting and logging in), it closes the connection.
     */
    private void put(UploadConnection connection, String endpoint, Path file) throws DeliveryFailure {
        long upload = connection.begin();
        long silence = properties.readTimeout().toNanos();
        long start = System.nanoTime();
        // Connecting and logging in are JSch's (connect timeout); the watchdog leaves them that long.
        long grace = properties.connectTimeout().toNanos() + silence;
        Progress progress = new Progress(start);
        long every = Math.max(50, properties.readTimeout().toMillis() / 4);
        ScheduledFuture<?> watch = watchdog.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            if (now - start > grace && now - progress.last > silence) {
                connection.abort(upload);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        Exchange exchange;
        try (InputStream body = new ProgressInputStream(Files.newInputStream(file), progress)) {
            exchange = producer.send(ROUTE, e -> {
                e.setProperty(ENDPOINT, endpoint);
                e.getIn().setHeader(Exchange.FILE_NAME, file.getFileName().toString());
                e.getIn().setBody(body);
            });
        } catch (IOException e) {
            throw DeliveryFailure.recoverable("The batch file could not be read locally: " + e, e);
        } finally {
            watch.cancel(false);
        }
        if (exchange.getException() != null) {
            String what = "SFTP upload of " + file.getFileName();
            if (connection.aborted()) {
                throw DeliveryFailure.recoverable(what + ": the server took nothing in for "
                        + properties.readTimeout().toMillis() + " ms (knooppunt.sftp.read-timeout); timeout, "
                        + "connection closed", exchange.getException());
            }
            throw failure(what, exchange.getException());
        }
    }

    /** When the upload last moved on: bytes taken from the file. */
    private static final class Progress {
        volatile long last;

        Progress(long start) {
            this.last = start;
        }
    }

    private static final class ProgressInputStream extends java.io.FilterInputStream {
        private final Progress progress;

        ProgressInputStream(InputStream in, Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            progress.last = System.nanoTime();
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            progress.last = System.nanoTime();
            return n;
        }
    }

    @Override
    public void destroy() {
        watchdog.shutdownNow();
    }

    /**
     * What went wrong on the way to the creditor's server, for the engine. Everything the transport
     * throws is retried with backoff (and, after the engine's last attempt, dead-lettered): no
     * connection, a refused login, a timeout, a broken session.
     *
     * <p>A host key that is unknown or differs from the one in {@code knooppunt.sftp.known-hosts} is
     * refused, and nothing is uploaded. It is treated as REST treats a server certificate the gateway does
     * not trust (a transport failure, retried): it is either an impostor or a server whose key changed,
     * and both need an operator, who checks the new key with the creditor and puts it in
     * {@code known_hosts}, which is read again on every connection. Retrying costs nothing (nothing is
     * ever sent to a server that failed the check) and lets the batch go once the operator fixed it,
     * instead of making its messages dead letters at the first attempt.
     */
    static DeliveryFailure failure(String what, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JSchHostKeyException) {
                return DeliveryFailure.recoverable(what + ": the server's host key is unknown or not the one in "
                        + "knooppunt.sftp.known-hosts; refused (" + t.getMessage() + ")", e);
            }
        }
        DeliveryFailure classified = FailureClassifier.classify(what, e);
        if (!classified.isRecoverable() && fromTransport(e)) {
            return DeliveryFailure.recoverable(classified.getMessage(), e);
        }
        return classified;
    }

    private static boolean fromTransport(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GenericFileOperationFailedException || t instanceof JSchException
                    || t instanceof SftpException || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The gateway's signer, built again when the TLS files changed on disk. */
    private CmsSigner signer() {
        Signing current = signing;
        if (current == null || current.version() != tls.version()) {
            current = buildSigning();
            signing = current;
        }
        return current.signer();
    }

    private synchronized Signing buildSigning() {
        try {
            KeyStore keys = tls.keyStore();
            String alias = tls.properties().keyAlias() != null && !tls.properties().keyAlias().isBlank()
                    ? tls.properties().keyAlias()
                    : Collections.list(keys.aliases()).stream().filter(a -> isKey(keys, a)).findFirst().orElseThrow();
            CmsIdentity identity = CmsIdentity.fromKeyStore(keys, alias, tls.properties().keyStorePasswordChars());
            return new Signing(tls.version(), new CmsSigner(identity,
                    CmsSignatureScheme.defaultFor(identity.privateKey()), clock));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("The gateway's signing key cannot be read from knooppunt.tls.key-store", e);
        }
    }

    private static boolean isKey(KeyStore keys, String alias) {
        try {
            return keys.isKeyEntry(alias);
        } catch (KeyStoreException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Left for the operator: the work directory only ever holds files of batches in flight.
        }
    }

    private record Signing(int version, CmsSigner signer) {}
}
