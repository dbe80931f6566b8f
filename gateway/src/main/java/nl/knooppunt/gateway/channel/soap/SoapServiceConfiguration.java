package nl.knooppunt.gateway.channel.soap;

import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import nl.knooppunt.gateway.inbound.InboundOutcome;
import nl.knooppunt.gateway.registry.ParticipantRepository;
import nl.knooppunt.mappings.soap.KnooppuntPortType;
import org.apache.camel.CamelContext;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.camel.component.cxf.transport.header.CxfHeaderFilterStrategy;
import org.apache.cxf.Bus;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's SOAP service for creditors, contract first: published from the WSDL in the mappings
 * module under the CXF servlet ({@code /services/knooppunt/v2}, on the mutual-TLS port), every
 * request validated against the schema, WS-Addressing required, WS-Security checked (one signature,
 * by the caller's own certificate, over the Body, the Timestamp and the addressing headers;
 * encryption on the 2W-be-SE profile), responses signed, every fault logged once with its code.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SoapServiceConfiguration {

    static final String WSDL = "classpath:nl/knooppunt/mappings/wsdl/knooppunt-v2.wsdl";
    static final String NAMESPACE = "urn:knooppunt:diensten:v2:wsdl";

    @Bean
    CxfEndpoint knooppuntSoapService(CamelContext camel, Bus bus, SoapProperties properties,
                                     ParticipantRepository participants, WsSecurity security) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setCamelContext(camel);
        endpoint.setBus(bus);
        endpoint.setAddress(properties.path());
        endpoint.setServiceClass(KnooppuntPortType.class);
        endpoint.setWsdlURL(WSDL);
        endpoint.setServiceNameAsQName(new QName(NAMESPACE, "KnooppuntService"));
        endpoint.setPortNameAsQName(new QName(NAMESPACE, "KnooppuntPort"));
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setSchemaValidationEnabled(true);
        // On the servlet thread: the caller authenticated by Spring Security stays in reach.
        endpoint.setSynchronous(true);
        // A response gets its own headers; the request's (its WS-Security header above all) stay behind.
        CxfHeaderFilterStrategy headers = new CxfHeaderFilterStrategy();
        headers.setRelayHeaders(false);
        endpoint.setHeaderFilterStrategy(headers);

        WSAddressingFeature addressing = new WSAddressingFeature();
        addressing.setAddressingRequired(true);
        endpoint.getFeatures().add(addressing);

        Map<String, Object> perMessage = new HashMap<>();
        endpoint.getInInterceptors().add(new CallerSecurityProfile(participants, security));
        endpoint.getInInterceptors().add(new WSS4JInInterceptor(perMessage));
        endpoint.getInInterceptors().add(new SignerIsCaller());
        endpoint.getInInterceptors().add(new SignatureCoverage(
                message -> CallerCertificates.securityProfile(message, participants),
                reason -> SoapFaults.fault(InboundOutcome.NOT_AUTHORIZED, reason, null)));
        endpoint.getOutInterceptors().add(new ResponseSecurity(participants, security));
        endpoint.getOutInterceptors().add(new WSS4JOutInterceptor(new HashMap<>()));
        endpoint.getOutFaultInterceptors().add(new FaultDetailInterceptor());
        Map<String, Object> endpointProperties = new HashMap<>();
        endpointProperties.put(FaultListener.class.getName(), FaultDetailInterceptor.SILENT);
        endpoint.setProperties(endpointProperties);
        return endpoint;
    }
}
