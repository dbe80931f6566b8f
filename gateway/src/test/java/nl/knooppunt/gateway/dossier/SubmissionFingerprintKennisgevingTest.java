package nl.knooppunt.gateway.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Kennisgeving flag (issue 14, item 7) is part of the submission's canonical form when set, and
 * absent when not, so that the fingerprints of dossiers submitted before it existed still match.
 */
class SubmissionFingerprintKennisgevingTest {

    private final SubmissionFingerprint fingerprint = new SubmissionFingerprint(null);

    @Test
    void withoutTheFlagTheCanonicalFormIsAsBefore() {
        String plain = canonical(submission(false));
        assertThat(plain).doesNotContain("kennisgeving");
        assertThat(canonical(new DossierSubmission("00000001001000000001", "R-1", SettlementType.SK, client(),
                claims()))).isEqualTo(plain);
    }

    @Test
    void withTheFlagItIsAnotherSubmission() {
        assertThat(canonical(submission(true))).contains("\"kennisgeving\":true")
                .isNotEqualTo(canonical(submission(false)));
    }

    private String canonical(DossierSubmission s) {
        return new String(fingerprint.canonicalForm(s), StandardCharsets.UTF_8);
    }

    private static DossierSubmission submission(boolean kennisgeving) {
        return new DossierSubmission("00000001001000000001", "R-1", SettlementType.SK, client(), claims(), kennisgeving);
    }

    private static List<DossierSubmission.ClaimSubmission> claims() {
        return List.of(new DossierSubmission.ClaimSubmission("00000001002000000001", null, List.of("F-1"),
                new BigDecimal("10.00")));
    }

    private static ClientData client() {
        return new ClientData("K-1", new ClientData.Person("V", "T.", null, null, "Testpersoon",
                LocalDate.of(1980, 1, 1), null), null,
                new ClientData.Address("Teststraat", 1, null, null, "1000AA", "Teststad", null, null),
                new ClientData.ContactPerson("Consulent", null, null));
    }
}
