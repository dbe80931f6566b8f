package nl.knooppunt.contract.support;

import jakarta.xml.soap.SOAPMessage;
import java.security.cert.X509Certificate;
import javax.xml.namespace.QName;
import nl.knooppunt.mappings.soap.KnooppuntPortType;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.w3c.dom.Node;

/**
 * A creditor's system calling the gateway's SOAP service: TLS with the creditor's certificate, and
 * the request signed — by the creditor, by someone else, not at all, or signed and then tampered
 * with, as the test needs.
 */
public final class GatewaySoapClient {

    private final String tlsParticipant;
    private String signer;
    private boolean unsigned;
    private boolean tamper;
    private boolean encrypt;

    private GatewaySoapClient(String tlsParticipant) {
        this.tlsParticipant = tlsParticipant;
        this.signer = tlsParticipant;
    }

    /** A client on the TLS connection of this participant, signing as it. */
    public static GatewaySoapClient as(String participant) {
        return new GatewaySoapClient(participant);
    }

    public GatewaySoapClient signedBy(String otherParticipant) {
        this.signer = otherParticipant;
        return this;
    }

    public GatewaySoapClient unsigned() {
        this.unsigned = true;
        return this;
    }

    public GatewaySoapClient tamperedAfterSigning() {
        this.tamper = true;
        return this;
    }

    public GatewaySoapClient encrypted() {
        this.encrypt = true;
        return this;
    }

    public KnooppuntPortType connect(int gatewayPort) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(KnooppuntPortType.class);
        factory.setWsdlURL("classpath:nl/knooppunt/mappings/wsdl/knooppunt-v2.wsdl");
        factory.setServiceName(new QName("urn:knooppunt:diensten:v2:wsdl", "KnooppuntService"));
        factory.setEndpointName(new QName("urn:knooppunt:diensten:v2:wsdl", "KnooppuntPort"));
        factory.setAddress("https://localhost:" + gatewayPort + "/services/knooppunt/v2");
        factory.getFeatures().add(new WSAddressingFeature());
        if (!unsigned) {
            X509Certificate encryptFor = encrypt ? WssSettings.gatewayCertificate() : null;
            factory.getOutInterceptors().add(new WSS4JOutInterceptor(WssSettings.signing(signer, encryptFor)));
        }
        if (tamper) {
            factory.getOutInterceptors().add(new Tamper());
        }
        factory.getInInterceptors().add(new WSS4JInInterceptor(WssSettings.verifying(tlsParticipant, encrypt)));
        KnooppuntPortType port = factory.create(KnooppuntPortType.class);
        HTTPConduit conduit = (HTTPConduit) ClientProxy.getClient(port).getConduit();
        TLSClientParameters tls = new TLSClientParameters();
        tls.setSslContext(ContractPki.clientTls(tlsParticipant));
        conduit.setTlsClientParameters(tls);
        return port;
    }

    /** Changes the first text in the body after it was signed, as a man in the middle would. */
    private static final class Tamper extends AbstractSoapInterceptor {

        Tamper() {
            super(Phase.POST_PROTOCOL);
            addAfter(WSS4JOutInterceptor.class.getName() + "$WSS4JOutInterceptorInternal");
        }

        @Override
        public void handleMessage(SoapMessage message) {
            try {
                SOAPMessage soap = message.getContent(SOAPMessage.class);
                Node text = firstText(soap.getSOAPBody());
                text.setNodeValue(text.getNodeValue() + "X");
            } catch (Exception e) {
                throw new Fault(e);
            }
        }

        private static Node firstText(Node node) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.TEXT_NODE && !child.getNodeValue().isBlank()) {
                    return child;
                }
                Node found = firstText(child);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
    }
}
