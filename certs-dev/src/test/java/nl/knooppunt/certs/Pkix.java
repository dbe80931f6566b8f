package nl.knooppunt.certs;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/** JDK-only PKIX validation, as a relying party (the gateway) would do it. */
final class Pkix {

    private Pkix() {
    }

    /** The chain a peer would present: the key entry's chain without the self-signed root. */
    static List<X509Certificate> presentedChain(Path keyStore, String alias, char[] password) throws GeneralSecurityException {
        KeyStore store = KeyStores.loadPkcs12(keyStore, password);
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : store.getCertificateChain(alias)) {
            X509Certificate x509 = (X509Certificate) certificate;
            if (!x509.getSubjectX500Principal().equals(x509.getIssuerX500Principal())) {
                chain.add(x509);
            }
        }
        return chain;
    }

    static List<X509CRL> crls(DevPki pki) {
        return pki.crls().stream().map(KeyStores::readCrl).toList();
    }

    /** Validates with CRL checking of every certificate in the path, CRLs only (no OCSP, no network). */
    static PKIXCertPathValidatorResult validateWithCrls(List<X509Certificate> chain, Path trustStore, char[] password,
                                                        List<X509CRL> crls) throws GeneralSecurityException {
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXParameters parameters = new PKIXParameters(KeyStores.loadPkcs12(trustStore, password));
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK));
        parameters.addCertPathChecker(checker);
        parameters.setRevocationEnabled(true);
        return (PKIXCertPathValidatorResult) validator.validate(certPath(chain), parameters);
    }

    static PKIXCertPathValidatorResult validateWithoutRevocation(List<X509Certificate> chain, Path trustStore,
                                                                 char[] password) throws GeneralSecurityException {
        PKIXParameters parameters = new PKIXParameters(KeyStores.loadPkcs12(trustStore, password));
        parameters.setRevocationEnabled(false);
        return (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX").validate(certPath(chain), parameters);
    }

    private static CertPath certPath(List<X509Certificate> chain) throws GeneralSecurityException {
        return CertificateFactory.getInstance("X.509").generateCertPath(chain);
    }

    static X509Certificate only(List<X509Certificate> certificates) {
        if (certificates.size() != 1) {
            throw new IllegalStateException("Expected one certificate: " + Arrays.toString(certificates.toArray()));
        }
        return certificates.get(0);
    }
}
