package nl.knooppunt.gateway.channel.soap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import nl.knooppunt.gateway.outbound.RecipientEndpoints;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.Participant;
import nl.knooppunt.gateway.security.OutboundTls;
import nl.knooppunt.gateway.security.TlsMaterial;
import nl.knooppunt.mappings.soap.SchuldeiserPortType;
import org.apache.camel.CamelContext;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The Camel {@code cxf:} endpoint of each SOAP creditor (schuldeiser-v2.wsdl): its address, mutual
 * TLS with the gateway's certificate, WS-Security (signed, and on 2W-be-SE encrypted to the
 * creditor's certificate) and the checks on its answer (signed by the creditor itself, over the
 * Body, the Timestamp and the addressing headers). Bound in the Camel registry, so every call is a
 * hop Camel sees: route metrics, message history and health include it. A changed channel or
 * reloaded TLS material makes a new endpoint under a new name.
 */
@Component
class SoapChannelEndpoints {

    static final String WSDL = "classpath:nl/knooppunt/mappings/wsdl/schuldeiser-v2.wsdl";
    static final String NAMESPACE = "urn:knooppunt:schuldeiser:v2:wsdl";

    private final CamelContext camel;
    private final Bus bus;
    private final WsSecurity security;
    private final OutboundTls tls;
    private final TlsMaterial material;
    private final SoapProperties properties;
    private final RecipientEndpoints endpoints;

    SoapChannelEndpoints(CamelContext camel, ObjectProvider<Bus> bus, WsSecurity security, OutboundTls tls,
                         TlsMaterial material, SoapProperties properties) {
        this.camel = camel;
        // The CXF bus of the web server, or CXF's own when the gateway runs without one.
        this.bus = bus.getIfAvailable(BusFactory::getDefaultBus);
        this.security = security;
        this.tls = tls;
        this.material = material;
        this.properties = properties;
        this.endpoints = new RecipientEndpoints(camel, "soap-creditor-");
    }

    /** The endpoint URI for this creditor as its channel is configured now. */
    String uriFor(Participant creditor) {
        CreditorChannel channel = creditor.channel().orElseThrow();
        return endpoints.uriFor(creditor.oin().value(), List.of(channel, material.version()), name -> {
            camel.getRegistry().bind(name, CxfEndpoint.class, endpoint(creditor, channel));
            return "cxf:bean:" + name;
        });
    }

    private CxfEndpoint endpoint(Participant creditor, CreditorChannel channel) {
        SoapChannelSettings settings = SoapChannelSettings.of(channel);
        SecurityProfile profile = settings.profile();

        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setCamelContext(camel);
        endpoint.setBus(bus);
        endpoint.setAddress(channel.endpoint());
        endpoint.setServiceClass(SchuldeiserPortType.class);
        endpoint.setWsdlURL(WSDL);
        endpoint.setServiceNameAsQName(new QName(NAMESPACE, "SchuldeiserService"));
        endpoint.setPortNameAsQName(new QName(NAMESPACE, "SchuldeiserPort"));
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setDefaultOperationName("LeverBatch");
        endpoint.setDefaultOperationNamespace(NAMESPACE);
        // The delivery route's thread does the call, inside the creditor's circuit breaker.
        endpoint.setSynchronous(true);
        endpoint.getFeatures().add(new WSAddressingFeature());
        endpoint.getOutInterceptors().add(
                new WSS4JOutInterceptor(security.outgoing(profile, settings.creditorCertificate())));
        endpoint.getInInterceptors().add(new WSS4JInInterceptor(security.incoming(profile)));
        endpoint.getInInterceptors().add(new ResponseSignedBy(creditor.oin().value()));
        endpoint.getInInterceptors().add(new SignatureCoverage(message -> profile, ResponseSignedBy::refused));
        endpoint.setCxfConfigurer(new TransportSettings(settings));
        // A failed call is classified by the channel and logged once by the engine (one line, no
        // stack trace); CXF would log it again with its whole stack.
        Map<String, Object> properties = new HashMap<>();
        properties.put(FaultListener.class.getName(), FaultDetailInterceptor.SILENT);
        endpoint.setProperties(properties);
        return endpoint;
    }

    /** Mutual TLS and timeouts on the client's HTTP conduit. */
    private final class TransportSettings implements CxfConfigurer {

        private final SoapChannelSettings settings;

        TransportSettings(SoapChannelSettings settings) {
            this.settings = settings;
        }

        @Override
        public void configure(AbstractWSDLBasedEndpointFactory factoryBean) {
            // Nothing beyond what the endpoint sets.
        }

        @Override
        public void configureClient(Client client) {
            HTTPConduit conduit = (HTTPConduit) client.getConduit();
            TLSClientParameters parameters = new TLSClientParameters();
            parameters.setSslContext(tls.clientContext(settings.trustStore(), settings.trustStorePassword()));
            conduit.setTlsClientParameters(parameters);
            HTTPClientPolicy policy = new HTTPClientPolicy();
            policy.setConnectionTimeout(properties.connectTimeout().toMillis());
            policy.setReceiveTimeout(properties.receiveTimeout().toMillis());
            conduit.setClient(policy);
        }

        @Override
        public void configureServer(Server server) {
            // Client only.
        }
    }
}
