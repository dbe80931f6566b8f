package nl.knooppunt.certs;

import java.nio.file.Path;

/**
 * One PKI generated per test JVM and shared by the test classes that only read it (key generation is
 * the slow part). RSA-PSS signed, with an RSA and an EC participant.
 */
final class TestPkis {

    static final char[] PASSWORD = "test-only-password".toCharArray();
    static final String RSA_PARTICIPANT = "shv-fryslan";
    /** Non-ASCII on purpose: it must survive the DN, the manifest and the JDK's readers. */
    static final String RSA_ORGANISATION = "Gemeente S\u00fadwest-Frysl\u00e2n";
    static final String RSA_OIN = "00000001234567890000";
    static final String EC_PARTICIPANT = "creditor-ec";
    static final String EC_OIN = "00000003987654321000";
    static final String GATEWAY_OIN = "00000099000000000042";

    private static DevPki shared;

    private TestPkis() {
    }

    static synchronized DevPki shared() {
        if (shared == null) {
            shared = DevPkiGenerator.generate(DevPkiSpec.builder(Path.of("target", "test-pki", "shared"))
                    .password(PASSWORD)
                    .participant(new Participant(RSA_PARTICIPANT, RSA_OIN, KeyType.RSA_2048, RSA_ORGANISATION))
                    .participant(EC_PARTICIPANT, EC_OIN, KeyType.EC_P256)
                    .gatewayOin(GATEWAY_OIN)
                    .signatureScheme(SignatureScheme.RSA_PSS_SHA256)
                    .build());
        }
        return shared;
    }
}
