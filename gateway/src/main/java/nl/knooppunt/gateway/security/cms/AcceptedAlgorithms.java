package nl.knooppunt.gateway.security.cms;

import static nl.knooppunt.gateway.security.cms.SignatureRejectedException.Reason.UNSUPPORTED_ALGORITHM;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.SignerInformation;

/**
 * The algorithms an incoming signature may use. Bouncy Castle verifies whatever it knows, including
 * SHA-1 and MD5, so the verifier narrows that down to current algorithms before relying on it.
 */
final class AcceptedAlgorithms {

    private static final Set<ASN1ObjectIdentifier> DIGESTS = Set.of(
            NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);

    private static final Set<ASN1ObjectIdentifier> SIGNATURES = Set.of(
            PKCSObjectIdentifiers.rsaEncryption,
            PKCSObjectIdentifiers.sha256WithRSAEncryption,
            PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption,
            PKCSObjectIdentifiers.id_RSASSA_PSS,
            X9ObjectIdentifiers.id_ecPublicKey,
            X9ObjectIdentifiers.ecdsa_with_SHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512);

    private static final int MIN_RSA_BITS = 2048;
    private static final int MIN_EC_BITS = 256;

    private AcceptedAlgorithms() {
    }

    static void check(SignerInformation signer) throws SignatureRejectedException {
        if (!DIGESTS.contains(signer.getDigestAlgorithmID().getAlgorithm())) {
            throw new SignatureRejectedException(UNSUPPORTED_ALGORITHM, "digest algorithm "
                    + signer.getDigestAlgOID() + " is not accepted; use SHA-256 or stronger");
        }
        AlgorithmIdentifier signature = signer.toASN1Structure().getDigestEncryptionAlgorithm();
        if (!SIGNATURES.contains(signature.getAlgorithm())) {
            throw new SignatureRejectedException(UNSUPPORTED_ALGORITHM, "signature algorithm "
                    + signature.getAlgorithm() + " is not accepted; use RSA-PSS, RSA PKCS#1 v1.5 or ECDSA");
        }
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(signature.getAlgorithm())) {
            checkPssParameters(signature);
        }
    }

    static void checkKey(PublicKey key) throws SignatureRejectedException {
        boolean strong = key instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() >= MIN_RSA_BITS
                : key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() >= MIN_EC_BITS;
        if (!strong) {
            throw new SignatureRejectedException(UNSUPPORTED_ALGORITHM,
                    "the signer's key is not RSA of at least 2048 bits or EC of at least 256 bits");
        }
    }

    /** PSS hashes twice (message and mask generation); both must be SHA-2, not the SHA-1 default. */
    private static void checkPssParameters(AlgorithmIdentifier signature) throws SignatureRejectedException {
        try {
            RSASSAPSSparams parameters = RSASSAPSSparams.getInstance(signature.getParameters());
            AlgorithmIdentifier mgfDigest = AlgorithmIdentifier.getInstance(
                    parameters.getMaskGenAlgorithm().getParameters());
            if (DIGESTS.contains(parameters.getHashAlgorithm().getAlgorithm())
                    && PKCSObjectIdentifiers.id_mgf1.equals(parameters.getMaskGenAlgorithm().getAlgorithm())
                    && DIGESTS.contains(mgfDigest.getAlgorithm())) {
                return;
            }
        } catch (RuntimeException e) {
            // Unreadable parameters: refused below like weak ones.
        }
        throw new SignatureRejectedException(UNSUPPORTED_ALGORITHM,
                "RSA-PSS parameters are not accepted; use SHA-256 or stronger with MGF1");
    }
}
