package nl.knooppunt.gateway.channel.soap;

import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;
import nl.knooppunt.gateway.messages.MessageXml;
import nl.knooppunt.gateway.outbound.BatchResult;
import nl.knooppunt.gateway.outbound.DeliveryFailure;
import nl.knooppunt.gateway.outbound.FailureClassifier;
import nl.knooppunt.gateway.outbound.OutboundBatch;
import nl.knooppunt.gateway.outbound.OutboundChannel;
import nl.knooppunt.gateway.registry.ChannelType;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.InvalidChannelException;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.security.OutboundTls;
import nl.knooppunt.gateway.security.TlsMaterial;
import nl.knooppunt.mappings.soap.SchuldeiserPortType;
import nl.knooppunt.mappings.soap.SoapMessages;
import nl.knooppunt.mappings.soap.types.LeverBatchAntwoord;
import nl.knooppunt.mappings.xml.XmlCanonicalMapper;
import nl.knooppunt.mappings.xml.jaxb.Batch;
import nl.knooppunt.mappings.xml.jaxb.BatchHeader;
import nl.knooppunt.mappings.xml.jaxb.Bericht;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Delivers batches to creditors that run a SOAP service (schuldeiser-v2.wsdl): one {@code LeverBatch}
 * call per batch, over mutual TLS with the gateway's certificate, signed (and on 2W-be-SE encrypted
 * to the creditor's certificate); the creditor's answer must be signed by the creditor itself.
 *
 * <p>Channel settings: {@code security-profile} (2W-be-S or 2W-be-SE), {@code certificate} (PEM file
 * of the creditor's certificate, for encryption), {@code trust-store} and {@code trust-store-password}
 * (PKCS#12, when the creditor's server certificate chains to another CA than participants').
 */
@Component
class SoapChannel implements OutboundChannel {

    static final String WSDL = "classpath:nl/knooppunt/mappings/wsdl/schuldeiser-v2.wsdl";
    static final String NAMESPACE = "urn:knooppunt:schuldeiser:v2:wsdl";
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    private final Bus bus;
    private final WsSecurity security;
    private final OutboundTls tls;
    private final TlsMaterial material;
    private final SoapProperties properties;
    private final MessageXml xml;
    private final Clock clock;
    private final XmlCanonicalMapper mapper = new XmlCanonicalMapper();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    private record Client(CreditorChannel channel, int tlsVersion, SchuldeiserPortType port) {}

    SoapChannel(ObjectProvider<Bus> bus, WsSecurity security, OutboundTls tls, TlsMaterial material, SoapProperties properties,
                MessageXml xml, Clock clock) {
        // The CXF bus of the web server, or CXF's own when the gateway runs without one.
        this.bus = bus.getIfAvailable(BusFactory::getDefaultBus);
        this.security = security;
        this.tls = tls;
        this.material = material;
        this.properties = properties;
        this.xml = xml;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.SOAP;
    }

    private static final Set<String> SETTINGS = Set.of(SecurityProfile.SETTING, "certificate", "trust-store",
            "trust-store-password");

    /** Checks the settings this channel reads, so that a creditor's client can always be built. */
    @Override
    public void validate(CreditorChannel channel) {
        Map<String, String> settings = channel.settings();
        for (String key : settings.keySet()) {
            if (!SETTINGS.contains(key)) {
                throw new InvalidChannelException("channel.settings." + key, "is not a SOAP channel setting; known: "
                        + String.join(", ", new java.util.TreeSet<>(SETTINGS)));
            }
        }
        SecurityProfile profile;
        try {
            profile = SecurityProfile.of(settings);
        } catch (IllegalArgumentException e) {
            throw new InvalidChannelException("channel.settings." + SecurityProfile.SETTING, e.getMessage());
        }
        if (profile.encrypts()) {
            try {
                certificate(settings.get("certificate"));
            } catch (IllegalStateException e) {
                throw new InvalidChannelException("channel.settings.certificate", e.getMessage());
            }
        }
        String trustStore = settings.get("trust-store");
        if (trustStore != null && !Files.isReadable(Path.of(trustStore))) {
            throw new InvalidChannelException("channel.settings.trust-store", "cannot read " + trustStore);
        }
        if (trustStore != null && settings.get("trust-store-password") == null) {
            throw new InvalidChannelException("channel.settings.trust-store-password", "is needed with a trust-store");
        }
    }

    @Override
    public BatchResult send(OutboundBatch batch) throws DeliveryFailure {
        Batch request = new Batch();
        BatchHeader header = new BatchHeader();
        header.setBatchId(batch.id());
        header.setOntvangerOin(batch.creditor().oin().value());
        header.setAangemaakt(clock.instant().atOffset(ZoneOffset.UTC));
        header.setAantal(batch.messageCount());
        request.setBatchHeader(header);
        List<Bericht> messages = SoapMessages.messagesOf(request);
        batch.messages().forEach(item -> messages.add(mapper.toJaxb(xml.read(item.payload()))));

        LeverBatchAntwoord answer;
        try {
            answer = client(batch.creditor()).leverBatch(request);
        } catch (SOAPFaultException fault) {
            QName code = fault.getFault().getFaultCodeAsQName();
            if (ResponseSignedBy.ANSWER_REFUSED.equals(code) || WSSE.equals(code.getNamespaceURI())) {
                // The creditor's answer failed its security check here: it may or may not have the batch.
                throw DeliveryFailure.recoverable("The creditor's answer was refused: " + fault.getMessage(), fault);
            }
            throw new DeliveryFailure("SOAP fault " + code.getLocalPart() + ": " + fault.getMessage(),
                    FailureClassifier.isRecoverableSoapFault(code.getLocalPart()), fault);
        } catch (WebServiceException failure) {
            // No usable answer (connection, timeout, an answer that fails its signature check): the
            // creditor may or may not have it, so the same batch goes again and it can de-duplicate.
            throw DeliveryFailure.recoverable("SOAP call failed: " + failure.getMessage(), failure);
        }
        return results(batch, messages, answer);
    }

    private static BatchResult results(OutboundBatch batch, List<Bericht> sent, LeverBatchAntwoord answer)
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
        return new BatchResult(rejected);
    }

    private SchuldeiserPortType client(Participant creditor) {
        CreditorChannel channel = creditor.channel().orElseThrow();
        Client client = clients.get(creditor.oin().value());
        if (client == null || !client.channel().equals(channel) || client.tlsVersion() != material.version()) {
            client = new Client(channel, material.version(), create(creditor, channel));
            clients.put(creditor.oin().value(), client);
        }
        return client.port();
    }

    private SchuldeiserPortType create(Participant creditor, CreditorChannel channel) {
        SecurityProfile profile = SecurityProfile.of(channel.settings());
        X509Certificate creditorCertificate = profile.encrypts() ? certificate(channel.settings().get("certificate")) : null;

        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(SchuldeiserPortType.class);
        factory.setWsdlURL(WSDL);
        factory.setServiceName(new QName(NAMESPACE, "SchuldeiserService"));
        factory.setEndpointName(new QName(NAMESPACE, "SchuldeiserPort"));
        factory.setAddress(channel.endpoint());
        factory.getFeatures().add(new WSAddressingFeature());
        factory.getOutInterceptors().add(new WSS4JOutInterceptor(security.outgoing(profile, creditorCertificate)));
        factory.getInInterceptors().add(new WSS4JInInterceptor(security.incoming(profile)));
        factory.getInInterceptors().add(new ResponseSignedBy(creditor.oin().value()));
        factory.getInInterceptors().add(new SignatureCoverage(message -> profile, ResponseSignedBy::refused));
        SchuldeiserPortType port = factory.create(SchuldeiserPortType.class);

        HTTPConduit conduit = (HTTPConduit) ClientProxy.getClient(port).getConduit();
        TLSClientParameters tlsParameters = new TLSClientParameters();
        String trustStore = channel.settings().get("trust-store");
        tlsParameters.setSslContext(tls.clientContext(trustStore == null ? null : Path.of(trustStore),
                channel.settings().get("trust-store-password")));
        conduit.setTlsClientParameters(tlsParameters);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(properties.connectTimeout().toMillis());
        policy.setReceiveTimeout(properties.receiveTimeout().toMillis());
        conduit.setClient(policy);
        return port;
    }

    private static X509Certificate certificate(String pemFile) {
        if (pemFile == null) {
            throw new IllegalStateException("Profile 2W-be-SE needs channel setting 'certificate' (the creditor's PEM)");
        }
        try (InputStream in = Files.newInputStream(Path.of(pemFile))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException("The creditor's certificate cannot be read: " + pemFile, e);
        }
    }
}
