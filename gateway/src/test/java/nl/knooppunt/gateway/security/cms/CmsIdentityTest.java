package nl.knooppunt.gateway.security.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import nl.knooppunt.certs.DevPki;
import nl.knooppunt.certs.EndEntity;
import org.junit.jupiter.api.Test;

class CmsIdentityTest {

    private static final char[] PASSWORD = CmsTestPki.PASSWORD.toCharArray();

    @Test
    void loadsKeyAndChainFromAPkcs12KeyStore() throws Exception {
        EndEntity rsa = CmsTestPki.current().participant(CmsTestPki.RSA);

        CmsIdentity identity = CmsIdentity.fromKeyStore(rsa.loadKeyStore(PASSWORD), rsa.alias(), PASSWORD);

        assertThat(identity.certificate().getSerialNumber()).isEqualTo(rsa.serialNumber());
        assertThat(identity.chain()).hasSize(3);
        assertThat(identity.privateKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(identity.toString()).doesNotContain("CN=").contains(rsa.serialNumber().toString(16));
    }

    @Test
    void refusesAMissingAliasATrustedCertificateOrAWrongPassword() throws Exception {
        DevPki pki = CmsTestPki.current();
        EndEntity rsa = pki.participant(CmsTestPki.RSA);
        KeyStore keyStore = rsa.loadKeyStore(PASSWORD);
        KeyStore trustStore = CmsTestPki.trustStore(pki);
        String rootAlias = trustStore.aliases().nextElement();

        assertThatThrownBy(() -> CmsIdentity.fromKeyStore(keyStore, "no-such-alias", PASSWORD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CmsIdentity.fromKeyStore(trustStore, rootAlias, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CmsIdentity.fromKeyStore(keyStore, rsa.alias(), "wrong".toCharArray()))
                .isInstanceOf(UnrecoverableKeyException.class);
    }
}
