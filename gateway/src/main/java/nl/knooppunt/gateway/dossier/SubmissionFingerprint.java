package nl.knooppunt.gateway.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.knooppunt.gateway.privacy.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Recognises a repeated submission: a keyed hash (HMAC, see {@link PersonalDataCipher#fingerprint})
 * of the submission in canonical form. The canonical form is the parsed submission as the gateway
 * keeps it, written as JSON with the properties of every object sorted; so the layout of the request
 * (whitespace, order of fields, an absent field or an explicit null) does not matter, but every value
 * does, including the order of claims and of invoice numbers, which the dossier keeps.
 */
@Component
class SubmissionFingerprint {

    private static final String PURPOSE = "dossier-submission";

    // A private mapper: the canonical form must not change with the API's JSON settings.
    private final JsonMapper canonical = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();
    private final PersonalDataCipher cipher;

    SubmissionFingerprint(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    String of(DossierSubmission submission) {
        return cipher.fingerprint(canonicalForm(submission), PURPOSE);
    }

    /** False for a missing fingerprint (an older dossier, or one whose personal data was purged). */
    boolean matches(DossierSubmission submission, String fingerprint) {
        return fingerprint != null && cipher.hasFingerprint(canonicalForm(submission), PURPOSE, fingerprint);
    }

    byte[] canonicalForm(DossierSubmission submission) {
        try {
            // Through a tree, whose properties are written sorted at every level.
            return canonical.writeValueAsBytes(canonical.valueToTree(submission));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("Submission cannot be written in canonical form", e);
        }
    }
}
