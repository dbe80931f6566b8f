package nl.knooppunt.contract.support;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import nl.knooppunt.certs.DevPki;
import nl.knooppunt.certs.DevPkiGenerator;
import nl.knooppunt.certs.DevPkiSpec;
import nl.knooppunt.certs.KeyStores;
import nl.knooppunt.certs.KeyType;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The throw-away PKI of the contract tests: the gateway's certificate and one certificate per
 * participant playing a part, generated once (target/contract-pki) and shared by the gateway under
 * test and the peers talking to it.
 */
public final class ContractPki {

    public static final String PASSWORD = "changeit";
    public static final String SHV = "gemeente-voorbeeldstad";
    public static final String MAILBOX_CREDITOR = "woningcorporatie-thuis";
    public static final String SOAP_CREDITOR = "zorgverzekeraar-gezond";
    public static final String ENCRYPTING_CREDITOR = "verzekeraar-versleuteld";
    public static final String FAILING_CREDITOR = "incasso-storing";
    /** Signs its answers over the Timestamp only, leaving the Body unsigned. */
    public static final String HALF_SIGNING_CREDITOR = "schuldeiser-halfgetekend";

    public static final DevPki PKI = DevPkiGenerator.generateIfAbsent(DevPkiSpec.builder(Path.of("target/contract-pki"))
            .password(PASSWORD)
            .participant(SHV, "00000001001000000001", KeyType.RSA_2048)
            .participant(MAILBOX_CREDITOR, "00000001002000000001", KeyType.RSA_2048)
            .participant(SOAP_CREDITOR, "00000001002000000002", KeyType.EC_P256)
            .participant(ENCRYPTING_CREDITOR, "00000001002000000005", KeyType.RSA_2048)
            .participant(FAILING_CREDITOR, "00000001002000000006", KeyType.RSA_2048)
            .participant(HALF_SIGNING_CREDITOR, "00000001002000000007", KeyType.RSA_2048)
            .build());

    private ContractPki() {}

    public static String oin(String participant) {
        return PKI.participant(participant).oin();
    }

    /** Points the gateway's TLS settings at this PKI. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("knooppunt.tls.key-store", () -> PKI.server().keyStore().toString());
        registry.add("knooppunt.tls.key-store-password", () -> PASSWORD);
        registry.add("knooppunt.tls.key-alias", () -> PKI.server().alias());
        registry.add("knooppunt.tls.trust-store", () -> PKI.trustStore().toString());
        registry.add("knooppunt.tls.trust-store-password", () -> PASSWORD);
        registry.add("knooppunt.tls.intermediates", () -> PKI.intermediateCaPem().toString());
        registry.add("knooppunt.tls.crls", () -> PKI.crls().stream().map(Path::toString).collect(Collectors.joining(",")));
    }

    public static KeyStore keyStore(String participant) {
        return KeyStores.loadPkcs12(PKI.participantKeyStore(participant), PASSWORD.toCharArray());
    }

    public static KeyStore trustStore() {
        return KeyStores.loadPkcs12(PKI.trustStore(), PASSWORD.toCharArray());
    }

    /** Client TLS presenting the participant's certificate and trusting the dev root. */
    public static SSLContext clientTls(String participant) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore(participant), PASSWORD.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("Contract test TLS cannot be set up", e);
        }
    }

    /**
     * Registers a participant of the tests' PKI with the gateway under test: its OIN, kind and name
     * and, for a participant with a channel, a schedule that never comes (batches go on max-wait, 1 s).
     *
     * @param channel the channel type, or null for none
     * @param endpoint the channel's endpoint, or null
     */
    public static void participant(DynamicPropertyRegistry registry, int i, String name, String kind, String channel,
                                   String endpoint) {
        String prefix = "knooppunt.registry.participants[" + i + "].";
        registry.add(prefix + "oin", () -> oin(name));
        registry.add(prefix + "kind", () -> kind);
        registry.add(prefix + "name", () -> name);
        if (channel != null) {
            registry.add(prefix + "channel.type", () -> channel);
            registry.add(prefix + "channel.schedule", () -> "0 0 6 1 1 ?");
            registry.add(prefix + "channel.max-wait", () -> "PT1S");
            if (endpoint != null) {
                registry.add(prefix + "channel.endpoint", () -> endpoint);
            }
        }
    }
}
