package nl.knooppunt.certs;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.util.IPAddress;

/**
 * Subject, key and extensions of one end-entity certificate.
 *
 * @param subjectAlternativeNames null when the certificate has none
 */
record EndEntityProfile(X500Name subject, PublicKey publicKey, Validity validity, int keyUsage,
                        ExtendedKeyUsage extendedKeyUsage, GeneralNames subjectAlternativeNames) {

    /**
     * A participant: TLS client, and signer (WS-Security, CMS) and recipient of CMS-encrypted data.
     * RSA keys receive by key transport (keyEncipherment), EC keys by key agreement (keyAgreement).
     */
    static EndEntityProfile participant(X500Name subject, PublicKey publicKey, Validity validity) {
        int usage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation | encryptionUsage(publicKey);
        return new EndEntityProfile(subject, publicKey, validity, usage,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth), null);
    }

    /** The gateway: TLS server, and TLS client when it calls creditors; signs its own messages. */
    static EndEntityProfile server(X500Name subject, PublicKey publicKey, Validity validity, Iterable<String> hosts) {
        int usage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation | encryptionUsage(publicKey);
        List<GeneralName> names = new ArrayList<>();
        for (String host : hosts) {
            names.add(IPAddress.isValid(host)
                    ? new GeneralName(GeneralName.iPAddress, host)
                    : new GeneralName(GeneralName.dNSName, host));
        }
        return new EndEntityProfile(subject, publicKey, validity, usage,
                new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}),
                new GeneralNames(names.toArray(new GeneralName[0])));
    }

    private static int encryptionUsage(PublicKey publicKey) {
        return "RSA".equals(publicKey.getAlgorithm()) ? KeyUsage.keyEncipherment : KeyUsage.keyAgreement;
    }
}
