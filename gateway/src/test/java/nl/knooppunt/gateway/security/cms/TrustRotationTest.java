package nl.knooppunt.gateway.security.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import nl.knooppunt.certs.DevPki;
import nl.knooppunt.certs.KeyStores;
import nl.knooppunt.gateway.security.cms.SignatureRejectedException.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * During a CA rotation the trust store holds the previous and the new root. Both dev PKIs use the
 * same CA names, so the verifier must tell the hierarchies apart by their keys, for the path and
 * for the CRLs alike.
 */
class TrustRotationTest {

    private static final byte[] FILE = "<batch/>\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    private static DevPki previous;
    private static DevPki current;
    private static CmsVerifier rotating;

    @BeforeAll
    static void trustBothRoots() {
        previous = CmsTestPki.previous();
        current = CmsTestPki.current();
        Path bothRoots = dir.resolve("both-roots.p12");
        KeyStores.writeTrustStore(bothRoots, CmsTestPki.PASSWORD.toCharArray(),
                List.of(CmsTestPki.root(previous), CmsTestPki.root(current)));
        KeyStore trust = KeyStores.loadPkcs12(bothRoots, CmsTestPki.PASSWORD.toCharArray());
        rotating = new CmsVerifier(trust, CmsTestPki.crls(previous, current), Clock.systemUTC());
    }

    @Test
    void signersUnderEitherRootAreAccepted() throws Exception {
        for (DevPki pki : List.of(previous, current)) {
            for (String participant : List.of(CmsTestPki.RSA, CmsTestPki.EC)) {
                byte[] p7s = sign(CmsTestPki.identity(pki.participant(participant)));

                assertThat(rotating.verifyDetached(new ByteArrayInputStream(FILE), p7s).signerCertificate())
                        .isEqualTo(CmsTestPki.identity(pki.participant(participant)).certificate());
            }
        }
    }

    @Test
    void withoutThePreviousRootItsSignersAreUntrusted() throws Exception {
        byte[] p7s = sign(CmsTestPki.identity(previous.participant(CmsTestPki.RSA)));

        assertThatThrownBy(() -> CmsTestPki.verifier().verifyDetached(new ByteArrayInputStream(FILE), p7s))
                .isInstanceOfSatisfying(SignatureRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED_SIGNER));
    }

    @Test
    void revocationIsCheckedAgainstTheRightHierarchysCrl() throws Exception {
        for (DevPki pki : List.of(previous, current)) {
            byte[] p7s = sign(CmsTestPki.identity(pki.revoked()));

            assertThatThrownBy(() -> rotating.verifyDetached(new ByteArrayInputStream(FILE), p7s))
                    .isInstanceOfSatisfying(SignatureRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.REVOKED));
        }
    }

    private static byte[] sign(CmsIdentity identity) throws Exception {
        return new CmsSigner(identity).signDetached(new ByteArrayInputStream(FILE));
    }
}
