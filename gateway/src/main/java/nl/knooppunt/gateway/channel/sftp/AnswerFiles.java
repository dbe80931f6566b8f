package nl.knooppunt.gateway.channel.sftp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nl.knooppunt.gateway.channel.sftp.SftpChannelSettings.AnswerMode;
import nl.knooppunt.gateway.inbound.InboundDoor;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.gateway.inbound.InboundResult;
import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.gateway.security.TlsMaterial;
import nl.knooppunt.gateway.security.cms.CmsVerifier;
import nl.knooppunt.gateway.security.cms.SignatureRejectedException;
import nl.knooppunt.mappings.BatchReader;
import nl.knooppunt.mappings.csv.CsvLayout;
import nl.knooppunt.mappings.csv.CsvMessageCodec;
import nl.knooppunt.mappings.xml.XmlMessageCodec;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the answer route of an SFTP creditor does with one complete answer file (already downloaded
 * to the local work directory by the route's consumer, so never held in memory whole): checks its
 * detached signature {@code <name>.p7s} before anything else, reads it message by message in the
 * creditor's format, hands the messages to the inbound door (all or nothing, or each on its own,
 * as the creditor's channel says), writes the report {@code <name>.report.csv} to the creditor's
 * report directory, and says where the file (and its signature) goes: {@code processed/} or
 * {@code failed/}. A technical failure (database, SFTP) is thrown: the file stays where it is and
 * is read again at the next poll.
 */
@Component
class AnswerFiles {

    static final String CHANNEL = "SFTP";
    /** Header set by the route: the creditor's OIN. */
    static final String CREDITOR = "KnooppuntSftpCreditor";
    /** Header: the file's idempotency key, {@code <file name>:<sha256 hex of the content>}. */
    static final String KEY = "KnooppuntSftpAnswerKey";
    /** Header: where the consumer moves the file when done, {@code processed} or {@code failed}. */
    static final String TARGET = "KnooppuntSftpAnswerTarget";

    /** A signature is a few KiB; anything much larger is not one. */
    private static final long MAX_SIGNATURE_BYTES = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(AnswerFiles.class);

    private final InboundDoor door;
    private final ParticipantRepository participants;
    private final SftpConnections connections;
    private final SftpProperties properties;
    private final TlsMaterial tls;
    private final Clock clock;
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final ConsumerTemplate consumer;

    AnswerFiles(InboundDoor door, ParticipantRepository participants, SftpConnections connections,
                SftpProperties properties, TlsMaterial tls, Clock clock, CamelContext camel, ProducerTemplate producer) {
        this.door = door;
        this.participants = participants;
        this.connections = connections;
        this.properties = properties;
        this.tls = tls;
        this.clock = clock;
        this.camel = camel;
        this.producer = producer;
        // Its own, with a small cache: each signature file is fetched through an endpoint of its own.
        this.consumer = camel.createConsumerTemplate(8);
    }

    /** Sets {@link #KEY}: the file name and the SHA-256 of the local copy, computed streaming. */
    void identify(Exchange exchange) throws IOException {
        Path local = localFile(exchange);
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(local)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
            }
        }
        exchange.getIn().setHeader(KEY, fileName(exchange) + ":" + HexFormat.of().formatHex(sha256.digest()));
    }

    /** Handles one file; a duplicate (by {@link #KEY}) is reported, not applied again. */
    void handle(Exchange exchange) throws Exception {
        String oin = exchange.getIn().getHeader(CREDITOR, String.class);
        String name = fileName(exchange);
        Participant creditor = participants.findByOin(oin)
                .filter(p -> p.active() && p.channel().map(c -> c.type() == ChannelType.SFTP).orElse(false))
                .orElseThrow(() -> new IllegalStateException("creditor " + oin + " has no active SFTP channel now"));
        SftpChannelSettings settings = SftpChannelSettings.of(creditor.channel().orElseThrow());
        boolean duplicate = exchange.getProperty(ExchangePropertyKey.DUPLICATE_MESSAGE, false, Boolean.class);

        Endpoint signatureEndpoint = camel.getEndpoint(connections.uri(settings, settings.answerDirectory())
                + "&fileName=" + name + ".p7s&localWorkDirectory=" + workDirectory(oin)
                + "&move=${header." + TARGET + "}/${file:name}&readLock=none&stepwise=false");
        Exchange signature = null;
        try {
            signature = consumer.receiveNoWait(signatureEndpoint);
            boolean refused = false;
            Path reportFile = Files.createTempFile(Files.createDirectories(workDirectory(oin)), "report-", ".csv");
            try {
                try (AnswerReport report = new AnswerReport(reportFile)) {
                    if (duplicate) {
                        report.row(0, 0, null, AnswerReport.DUPLICATE, "This file (same name, same content) was "
                                + "processed before; it was not applied again (this report replaces the first one).");
                        log.info("SFTP answer file {} of {}: a duplicate, not applied again", name, oin);
                    } else {
                        refused = !apply(creditor, settings, name, localFile(exchange), signature, report);
                    }
                }
                producer.sendBodyAndHeader(connections.uri(settings, settings.reportDirectory())
                                + "&tempFileName=${file:name}.part&fileExist=Override",
                        reportFile.toFile(), Exchange.FILE_NAME, name + ".report.csv");
            } finally {
                Files.deleteIfExists(reportFile);
            }
            String target = refused ? SftpChannelSettings.FAILED : SftpChannelSettings.PROCESSED;
            exchange.getIn().setHeader(TARGET, target);
            if (refused) {
                // Not "done": the idempotent consumer then leaves the key out (eager(false) adds it on
                // completion only), so the same file corrected (e.g. signed again) is read once more.
                exchange.getExchangeExtension().setFailureHandled(true);
            }
            if (signature != null) {
                // The signature goes where the file goes.
                signature.getIn().setHeader(TARGET, target);
                Exchange done = signature;
                signature = null;
                consumer.doneUoW(done);
            }
        } catch (Exception | Error e) {
            // Technical: the file and its signature stay, to be read again at the next poll.
            if (signature != null) {
                signature.setException(e);
                consumer.doneUoW(signature);
            }
            throw e;
        } finally {
            camel.removeEndpoint(signatureEndpoint);
        }
    }

    /** @return whether the file was accepted (applied whole, or each message on its own) */
    private boolean apply(Participant creditor, SftpChannelSettings settings, String name, Path local,
                          Exchange signature, AnswerReport report) throws IOException {
        String oin = creditor.oin().value();
        Optional<String> signatureProblem = verify(local, signature, oin);
        if (signatureProblem.isPresent()) {
            boolean missing = signature == null;
            report.row(0, 0, null, missing ? AnswerReport.SIGNATURE_MISSING : AnswerReport.SIGNATURE_INVALID,
                    signatureProblem.get());
            report.row(0, 0, null, AnswerReport.REFUSED, "Nothing of this file was applied: its signature "
                    + (missing ? "is missing" : "is not valid") + ".");
            log.info("SFTP answer file {} of {} refused: signature {}", name, oin, missing ? "missing" : "invalid");
            return false;
        }
        Optional<CsvLayout> layout = Optional.empty();
        if (settings.format() == SftpChannelSettings.FileFormat.CSV) {
            layout = layoutOf(local);
            if (layout.isEmpty()) {
                report.row(1, 0, null, AnswerReport.LAYOUT_UNKNOWN, "The header row names the columns of no CSV "
                        + "layout of the contract (e.g. the layout saldoverzoek-antwoord).");
                report.row(0, 0, null, AnswerReport.REFUSED, "Nothing of this file was applied.");
                log.info("SFTP answer file {} of {} refused: unknown CSV layout", name, oin);
                return false;
            }
        }
        List<InboundResult> results;
        AnswerItems items;
        try (InputStream in = Files.newInputStream(local);
             BatchReader reader = layout.isPresent() ? new CsvMessageCodec(layout.get()).openBatchReader(in)
                     : new XmlMessageCodec().openBatchReader(in)) {
            items = new AnswerItems(reader);
            results = settings.answers() == AnswerMode.EACH
                    ? door.receiveEach(creditor, items, CHANNEL)
                    : door.receiveAllOrNothing(creditor, items, CHANNEL);
        }
        int applied = 0;
        int replays = 0;
        int refused = 0;
        for (int i = 0; i < results.size(); i++) {
            InboundResult result = results.get(i);
            if (result.outcome() == InboundOutcome.ACCEPTED) {
                if (result.replay()) {
                    replays++;
                } else {
                    applied++;
                }
            } else if (result.refused()) {
                refused++;
                report.row(items.line(i), items.column(i), result.reference(), result.outcome().code(), result.detail());
            }
        }
        boolean accepted = refused == 0 || (settings.answers() == AnswerMode.EACH && applied + replays > 0);
        String counts = results.size() + (results.size() == 1 ? " message: " : " messages: ") + applied
                + " applied, " + replays + " received before"
                + " (not applied again), " + refused + " refused"
                + (items.brokenOff() ? "; reading stopped at the last error listed: lines after it, if any, were not read" : "");
        if (accepted) {
            report.row(0, 0, null, AnswerReport.PROCESSED, counts + ".");
        } else {
            report.row(0, 0, null, AnswerReport.REFUSED, counts + ". Nothing of this file was applied"
                    + (settings.answers() == AnswerMode.ALL_OR_NOTHING ? " (all or nothing): correct the errors "
                    + "and send the whole file again." : "."));
        }
        log.info("SFTP answer file {} of {} {}: {} messages, {} applied, {} received before, {} refused", name, oin,
                accepted ? "processed" : "refused", results.size(), applied, replays, refused);
        return accepted;
    }

    /** @return empty when the signature is good; else what is wrong, for the report */
    private Optional<String> verify(Path local, Exchange signature, String oin) throws IOException {
        if (signature == null) {
            return Optional.of("No signature file " + local.getFileName() + ".p7s was found beside the file.");
        }
        Path p7s = localFile(signature);
        if (Files.size(p7s) > MAX_SIGNATURE_BYTES) {
            return Optional.of("The signature file is larger than " + MAX_SIGNATURE_BYTES + " bytes: not a signature.");
        }
        byte[] signatureBytes = Files.readAllBytes(p7s);
        CmsVerifier verifier = new CmsVerifier(tls.trustStore(), tls::crls, clock);
        try (InputStream content = Files.newInputStream(local)) {
            verifier.verifyDetached(content, signatureBytes, oin);
            return Optional.empty();
        } catch (SignatureRejectedException rejected) {
            String message = rejected.getMessage();
            return Optional.of("The signature is not valid: " + (message.startsWith(rejected.reason().name())
                    ? message : rejected.reason() + ": " + message));
        }
    }

    /** The CSV layout whose header row the file starts with. */
    private static Optional<CsvLayout> layoutOf(Path local) throws IOException {
        String header;
        try (BufferedReader in = Files.newBufferedReader(local, StandardCharsets.UTF_8)) {
            header = in.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
        if (header == null) {
            return Optional.empty();
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> names = new ArrayList<>();
        for (String cell : header.split(";", -1)) {
            String name = cell.strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
            }
            names.add(name);
        }
        return CsvLayout.all().stream().filter(layout -> layout.columnNames().equals(names)).findFirst();
    }

    private Path workDirectory(String oin) {
        return properties.workDirectory().resolve("answers").resolve(oin).toAbsolutePath();
    }

    private static String fileName(Exchange exchange) {
        return exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
    }

    private static Path localFile(Exchange exchange) {
        String path = exchange.getIn().getHeader(Exchange.FILE_LOCAL_WORK_PATH, String.class);
        if (path == null) {
            throw new IllegalStateException("the answer route must download to a local work directory");
        }
        return Path.of(path);
    }

    /** The consumer URI of a creditor's answer directory: complete data files only, downloaded to a local file. */
    String answerSource(String oin, SftpChannelSettings settings) {
        return connections.uri(settings, settings.answerDirectory())
                + "&doneFileName=${file:name}.done"
                + "&include=RAW((?i)[a-z0-9][a-z0-9._-]*\\.(csv|xml))"
                + "&recursive=false"
                // Lists the directory by its path instead of changing into it step by step.
                + "&stepwise=false"
                + "&readLock=none"
                + "&localWorkDirectory=" + workDirectory(oin)
                + "&move=${header." + TARGET + "}/${file:name}"
                + "&delay=" + properties.pollInterval().toMillis()
                + "&maxMessagesPerPoll=10"
                // A server that keeps failing is polled less: after 3 failed polls, only every 10th.
                + "&backoffErrorThreshold=3&backoffMultiplier=10";
    }
}
