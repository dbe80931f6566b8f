package nl.knooppunt.contract.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.namespace.QName;
import nl.knooppunt.mappings.soap.SchuldeiserPortType;
import nl.knooppunt.mappings.soap.SoapMessages;
import nl.knooppunt.mappings.soap.types.LeverBatchAntwoord;
import nl.knooppunt.mappings.xml.jaxb.Batch;
import nl.knooppunt.mappings.xml.jaxb.Bericht;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/**
 * Creditors' own SOAP services (schuldeiser-v2.wsdl), as the gateway meets them: a CXF service per
 * creditor on an embedded Tomcat that requires a client certificate chaining to the dev root (with
 * revocation checked), verifies the gateway's WS-Security signature and signs its answers with the
 * creditor's key. What each creditor answers is scripted by the test; every batch is recorded.
 */
public final class CreditorSoapSimulator implements AutoCloseable {

    /** What a creditor's service does with a batch. */
    @FunctionalInterface
    public interface Behaviour {
        LeverBatchAntwoord answer(Batch batch);
    }

    /** A batch as a creditor's service received it. */
    public record Received(String creditor, Batch batch) {

        public List<Bericht> messages() {
            return SoapMessages.messagesOf(batch);
        }
    }

    public static final Behaviour ACCEPT_ALL = batch -> {
        LeverBatchAntwoord answer = new LeverBatchAntwoord();
        answer.setBatchId(batch.getBatchHeader().getBatchId());
        for (Bericht message : SoapMessages.messagesOf(batch)) {
            LeverBatchAntwoord.Ontvangst receipt = new LeverBatchAntwoord.Ontvangst();
            receipt.setReferentienummer(message.getHeader().getReferentienummer());
            receipt.setGeaccepteerd(true);
            answer.getOntvangst().add(receipt);
        }
        return answer;
    };

    private static final String NAMESPACE = "urn:knooppunt:schuldeiser:v2:wsdl";

    private final Tomcat tomcat;
    private final Bus bus;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private CreditorSoapSimulator(Tomcat tomcat, Bus bus) {
        this.tomcat = tomcat;
        this.bus = bus;
    }

    /**
     * Starts the creditors' services on a free port.
     *
     * @param encrypting the creditors on profile 2W-be-SE (they decrypt requests and encrypt answers)
     */
    public static CreditorSoapSimulator start(List<String> creditors, List<String> encrypting) {
        return start(creditors, encrypting, List.of());
    }

    /**
     * Starts the creditors' services on a free port.
     *
     * @param encrypting the creditors on profile 2W-be-SE (they decrypt requests and encrypt answers)
     * @param halfSigning the creditors whose answers are signed over the Timestamp only
     */
    public static CreditorSoapSimulator start(List<String> creditors, List<String> encrypting,
                                              List<String> halfSigning) {
        try {
            Path base = Files.createTempDirectory("creditor-simulator");
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(base.toString());
            Connector https = new Connector("HTTP/1.1");
            https.setPort(0);
            https.setProperty("address", "127.0.0.1");
            https.setScheme("https");
            https.setSecure(true);
            AbstractHttp11Protocol<?> protocol = (AbstractHttp11Protocol<?>) https.getProtocolHandler();
            protocol.setSSLEnabled(true);
            SSLHostConfig ssl = new SSLHostConfig();
            ssl.setHostName(protocol.getDefaultSSLHostConfigName());
            ssl.setProtocols("TLSv1.3,TLSv1.2");
            ssl.setCertificateVerification("required");
            ssl.setTruststoreFile(ContractPki.PKI.trustStore().toString());
            ssl.setTruststorePassword(ContractPki.PASSWORD);
            ssl.setTruststoreType("PKCS12");
            Path crls = base.resolve("crls.pem");
            Files.writeString(crls, Files.readString(ContractPki.PKI.rootCrlPem()) + Files.readString(ContractPki.PKI.crlPem()));
            ssl.setCertificateRevocationListFile(crls.toString());
            // The dev PKI's server certificate (SAN localhost) serves as the creditors' server certificate.
            SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
            certificate.setCertificateKeystoreFile(ContractPki.PKI.server().keyStore().toString());
            certificate.setCertificateKeystorePassword(ContractPki.PASSWORD);
            certificate.setCertificateKeystoreType("PKCS12");
            ssl.addCertificate(certificate);
            protocol.addSslHostConfig(ssl);
            tomcat.getService().addConnector(https);
            tomcat.setConnector(https);

            Bus bus = BusFactory.newInstance().createBus();
            CXFNonSpringServlet servlet = new CXFNonSpringServlet();
            servlet.setBus(bus);
            Context context = tomcat.addContext("", base.toString());
            Tomcat.addServlet(context, "cxf", servlet);
            context.addServletMappingDecoded("/*", "cxf");
            tomcat.start();

            CreditorSoapSimulator simulator = new CreditorSoapSimulator(tomcat, bus);
            for (String creditor : creditors) {
                simulator.publish(creditor, encrypting.contains(creditor), halfSigning.contains(creditor));
            }
            return simulator;
        } catch (IOException | LifecycleException e) {
            throw new IllegalStateException("The creditor simulator cannot start", e);
        }
    }

    private void publish(String creditor, boolean encrypts, boolean halfSigns) {
        String oin = ContractPki.oin(creditor);
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(SchuldeiserPortType.class);
        factory.setServiceBean((SchuldeiserPortType) batch -> {
            received.add(new Received(oin, batch));
            return behaviours.getOrDefault(oin, ACCEPT_ALL).answer(batch);
        });
        factory.setWsdlLocation("classpath:nl/knooppunt/mappings/wsdl/schuldeiser-v2.wsdl");
        factory.setServiceName(new QName(NAMESPACE, "SchuldeiserService"));
        factory.setEndpointName(new QName(NAMESPACE, "SchuldeiserPort"));
        factory.setAddress("/" + oin);
        factory.getFeatures().add(new WSAddressingFeature());
        factory.getInInterceptors().add(new WSS4JInInterceptor(WssSettings.verifying(creditor, encrypts)));
        factory.getOutInterceptors().add(new WSS4JOutInterceptor(halfSigns ? WssSettings.signingOnlyTheTimestamp(creditor)
                : WssSettings.signing(creditor, encrypts ? WssSettings.gatewayCertificate() : null)));
        factory.create();
    }

    public String endpoint(String creditor) {
        return "https://localhost:" + tomcat.getConnector().getLocalPort() + "/" + ContractPki.oin(creditor);
    }

    public void behave(String creditor, Behaviour behaviour) {
        behaviours.put(ContractPki.oin(creditor), behaviour);
    }

    public List<Received> receivedBy(String creditor) {
        String oin = ContractPki.oin(creditor);
        return received.stream().filter(r -> r.creditor().equals(oin)).toList();
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
        bus.shutdown(true);
    }
}
