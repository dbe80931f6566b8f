package nl.knooppunt.gateway.channel.soap;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.knooppunt.gateway.registry.CreditorChannel;
import nl.knooppunt.gateway.registry.InvalidChannelException;

/**
 * A SOAP creditor's channel settings, typed: read once from the registry's map by {@link #of}, which
 * the channel's start-up check and the creditor's endpoint both use, so that what was checked at
 * start-up is exactly what is used to send.
 *
 * @param profile {@code security-profile}: 2W-be-S (default) or 2W-be-SE
 * @param creditorCertificate {@code certificate}: the creditor's certificate (PEM file), to encrypt
 *     to; required on 2W-be-SE, else null
 * @param trustStore {@code trust-store}: PKCS#12 trust store for the creditor's server certificate,
 *     when it chains to another CA than participants' certificates; else null
 * @param trustStorePassword {@code trust-store-password}, required with a trust store
 */
record SoapChannelSettings(SecurityProfile profile, X509Certificate creditorCertificate, Path trustStore,
                           String trustStorePassword) {

    private static final String CERTIFICATE = "certificate";
    private static final String TRUST_STORE = "trust-store";
    private static final String TRUST_STORE_PASSWORD = "trust-store-password";
    private static final Set<String> KNOWN = Set.of(SecurityProfile.SETTING, CERTIFICATE, TRUST_STORE,
            TRUST_STORE_PASSWORD);

    /** @throws InvalidChannelException naming the setting that cannot work */
    static SoapChannelSettings of(CreditorChannel channel) {
        Map<String, String> settings = channel.settings();
        for (String key : settings.keySet()) {
            if (!KNOWN.contains(key)) {
                throw invalid(key, "is not a SOAP channel setting; known: " + String.join(", ", new TreeSet<>(KNOWN)));
            }
        }
        SecurityProfile profile;
        try {
            profile = SecurityProfile.of(settings);
        } catch (IllegalArgumentException e) {
            throw invalid(SecurityProfile.SETTING, e.getMessage());
        }
        X509Certificate certificate = null;
        if (profile.encrypts()) {
            String pem = settings.get(CERTIFICATE);
            if (pem == null) {
                throw invalid(CERTIFICATE,
                        "Profile 2W-be-SE needs channel setting 'certificate' (the creditor's PEM file)");
            }
            certificate = certificate(pem);
        }
        String trustStore = settings.get(TRUST_STORE);
        if (trustStore != null && !Files.isReadable(Path.of(trustStore))) {
            throw invalid(TRUST_STORE, "cannot read " + trustStore);
        }
        if (trustStore != null && settings.get(TRUST_STORE_PASSWORD) == null) {
            throw invalid(TRUST_STORE_PASSWORD, "is needed with a trust-store");
        }
        return new SoapChannelSettings(profile, certificate, trustStore == null ? null : Path.of(trustStore),
                settings.get(TRUST_STORE_PASSWORD));
    }

    private static X509Certificate certificate(String pemFile) {
        try (InputStream in = Files.newInputStream(Path.of(pemFile))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new InvalidChannelException("channel.settings." + CERTIFICATE, "cannot be read as an X.509 "
                    + "certificate: " + pemFile, e);
        }
    }

    private static InvalidChannelException invalid(String setting, String problem) {
        return new InvalidChannelException("channel.settings." + setting, problem);
    }
}
