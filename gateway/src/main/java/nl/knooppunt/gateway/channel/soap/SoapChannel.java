package nl.knooppunt.gateway.channel.soap;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import nl.knooppunt.gateway.messages.MessageXml;
import nl.knooppunt.gateway.outbound.BatchResult;
import nl.knooppunt.gateway.outbound.DeliveryFailure;
import nl.knooppunt.gateway.outbound.FailureClassifier;
import nl.knooppunt.gateway.outbound.OutboundBatch;
import nl.knooppunt.gateway.outbound.OutboundChannel;
import nl.knooppunt.gateway.outbound.OutboundItem;
import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.mappings.soap.SoapMessages;
import nl.knooppunt.mappings.soap.types.LeverBatchAntwoord;
import nl.knooppunt.mappings.xml.XmlCanonicalMapper;
import nl.knooppunt.mappings.xml.jaxb.Batch;
import nl.knooppunt.mappings.xml.jaxb.BatchHeader;
import nl.knooppunt.mappings.xml.jaxb.Bericht;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.cxf.binding.soap.SoapFault;
import org.springframework.stereotype.Component;

/**
 * Delivers batches to creditors that run a SOAP service (schuldeiser-v2.wsdl) with
 * {@code LeverBatch} calls through the creditor's Camel {@code cxf:} endpoint
 * ({@link SoapChannelEndpoints}). A batch is streamed from the database in parts of at most
 * {@code knooppunt.soap.batch-part-size} messages, one call each, so that the gateway never holds
 * more than one part: a signed SOAP envelope is a DOM in memory, and a batch may hold 100,000
 * messages. Every part carries the batch id, its number and the number of parts; a batch that fits
 * in one part is sent as before, without part numbers. A part that fails fails the batch, which is
 * then sent again whole under the same id (the creditor de-duplicates on Referentienummer).
 *
 * <p>Channel settings: {@code security-profile} (2W-be-S or 2W-be-SE), {@code certificate} (PEM file
 * of the creditor's certificate, for encryption), {@code trust-store} and {@code trust-store-password}
 * (PKCS#12, when the creditor's server certificate chains to another CA than participants').
 */
@Component
class SoapChannel implements OutboundChannel {

    /** The route every SOAP delivery goes through, so that Camel counts and traces each call. */
    static final String ROUTE = "direct:soap-deliver";
    static final String ENDPOINT = "knooppuntSoapEndpoint";
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    private final SoapChannelEndpoints endpoints;
    private final ProducerTemplate producer;
    private final SoapProperties properties;
    private final MessageXml xml;
    private final Clock clock;
    private final XmlCanonicalMapper mapper = new XmlCanonicalMapper();

    SoapChannel(SoapChannelEndpoints endpoints, ProducerTemplate producer, SoapProperties properties, MessageXml xml,
                Clock clock) {
        this.endpoints = endpoints;
        this.producer = producer;
        this.properties = properties;
        this.xml = xml;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.SOAP;
    }

    /** The settings are read the way the creditor's endpoint reads them; a bad one stops the start. */
    @Override
    public void validate(CreditorChannel channel) {
        SoapChannelSettings.of(channel);
    }

    @Override
    public BatchResult send(OutboundBatch batch) throws DeliveryFailure {
        String endpoint = endpoints.uriFor(batch.recipient());
        int partSize = properties.batchPartSize();
        int parts = Math.max(1, (batch.messageCount() + partSize - 1) / partSize);
        Map<UUID, String> rejected = new HashMap<>();
        try (Stream<OutboundItem> messages = batch.messages()) {
            Iterator<OutboundItem> items = messages.iterator();
            int part = 0;
            while (items.hasNext() || part == 0) {
                part++;
                Batch request = request(batch, part, parts);
                List<Bericht> berichten = SoapMessages.messagesOf(request);
                while (items.hasNext() && berichten.size() < partSize) {
                    berichten.add(mapper.toJaxb(xml.read(items.next().payload())));
                }
                request.getBatchHeader().setAantal(berichten.size());
                rejected.putAll(rejections(batch, berichten, call(endpoint, request)));
            }
            if (part != parts) {
                throw DeliveryFailure.recoverable("The batch held " + part + " parts instead of " + parts, null);
            }
        }
        return new BatchResult(rejected);
    }

    private Batch request(OutboundBatch batch, int part, int parts) {
        Batch request = new Batch();
        BatchHeader header = new BatchHeader();
        header.setBatchId(batch.id());
        header.setOntvangerOin(batch.recipient().oin().value());
        header.setAangemaakt(clock.instant().atOffset(ZoneOffset.UTC));
        if (parts > 1) {
            header.setDeel(part);
            header.setAantalDelen(parts);
        }
        request.setBatchHeader(header);
        return request;
    }

    private LeverBatchAntwoord call(String endpoint, Batch request) throws DeliveryFailure {
        Exchange exchange = producer.send(ROUTE, e -> {
            e.setProperty(ENDPOINT, endpoint);
            e.getIn().setBody(request);
        });
        Exception failure = exchange.getException();
        if (failure != null) {
            throw classify(failure);
        }
        LeverBatchAntwoord answer = exchange.getMessage().getBody(LeverBatchAntwoord.class);
        if (answer == null) {
            throw DeliveryFailure.recoverable("The creditor's service gave no LeverBatch answer", null);
        }
        return answer;
    }

    private static DeliveryFailure classify(Exception failure) {
        SoapFault fault = soapFault(failure);
        if (fault == null) {
            // No usable answer (connection, timeout): the creditor may or may not have the part, so
            // the same batch goes again and it can de-duplicate.
            return DeliveryFailure.recoverable("SOAP call failed: " + failure.getMessage(), failure);
        }
        QName code = fault.getFaultCode();
        if (ResponseSignedBy.ANSWER_REFUSED.equals(code) || WSSE.equals(code.getNamespaceURI())) {
            // The creditor's answer failed its security check here: it may or may not have the batch.
            return DeliveryFailure.recoverable("The creditor's answer was refused: " + fault.getMessage(), fault);
        }
        return new DeliveryFailure("SOAP fault " + code.getLocalPart() + ": " + fault.getMessage(),
                FailureClassifier.isRecoverableSoapFault(code.getLocalPart()), fault);
    }

    private static SoapFault soapFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SoapFault fault) {
                return fault;
            }
        }
        return null;
    }

    /** The creditor's rejections in this part; an answer for another batch or missing messages fails it. */
    private static Map<UUID, String> rejections(OutboundBatch batch, List<Bericht> sent, LeverBatchAntwoord answer)
            throws DeliveryFailure {
        if (!batch.id().equals(answer.getBatchId())) {
            throw DeliveryFailure.recoverable("The creditor answered for batch " + answer.getBatchId(), null);
        }
        Set<UUID> expected = new HashSet<>();
        sent.forEach(m -> expected.add(m.getHeader().getReferentienummer()));
        Map<UUID, String> rejected = new HashMap<>();
        Set<UUID> answered = new HashSet<>();
        for (LeverBatchAntwoord.Ontvangst receipt : answer.getOntvangst()) {
            answered.add(receipt.getReferentienummer());
            if (!receipt.isGeaccepteerd()) {
                rejected.put(receipt.getReferentienummer(), receipt.getReden() == null ? "refused" : receipt.getReden());
            }
        }
        if (!answered.containsAll(expected)) {
            throw DeliveryFailure.recoverable("The creditor answered for " + answered.size() + " of "
                    + expected.size() + " messages", null);
        }
        return rejected;
    }
}
