package nl.knooppunt.gateway.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.knooppunt.gateway.dossier.ClaimStatus;
import nl.knooppunt.gateway.dossier.DossierStatus;
import nl.knooppunt.gateway.shared.Transitions;
import org.junit.jupiter.api.Test;

/**
 * docs/workflow.md lists every claim and dossier state and, per allowed transition, what moves it:
 * the lists in its sections "Claim states" and "Dossier states" must be those of
 * {@link ClaimStatus#TRANSITIONS} and {@link DossierStatus#TRANSITIONS}, so the page cannot drift
 * from the state machines.
 */
class WorkflowDocTest {

    private static final Path PAGE = Path.of("../docs/workflow.md");
    private static final Pattern TRANSITION_ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| `([A-Z_]+)` \\|", Pattern.MULTILINE);
    private static final Pattern STATE_ROW = Pattern.compile("^\\| `([A-Z_]+)`(?: / `([A-Z_]+)`)? \\| [^`]", Pattern.MULTILINE);

    @Test
    void everyAllowedClaimTransitionIsDocumentedAndNoOther() throws IOException {
        assertThat(documentedTransitions(section("## Claim states"))).as("claim transitions in docs/workflow.md")
                .containsExactlyInAnyOrderElementsOf(allowed(ClaimStatus.class, ClaimStatus.TRANSITIONS));
    }

    @Test
    void everyClaimStateIsDescribed() throws IOException {
        assertThat(describedStates(section("## Claim states"))).as("claim states described in docs/workflow.md")
                .containsAll(names(ClaimStatus.class));
    }

    @Test
    void everyAllowedDossierTransitionIsDocumentedAndNoOther() throws IOException {
        assertThat(documentedTransitions(section("## Dossier states"))).as("dossier transitions in docs/workflow.md")
                .containsExactlyInAnyOrderElementsOf(allowed(DossierStatus.class, DossierStatus.TRANSITIONS));
    }

    @Test
    void everyDossierStateIsDescribed() throws IOException {
        assertThat(describedStates(section("## Dossier states"))).as("dossier states described in docs/workflow.md")
                .containsAll(names(DossierStatus.class));
    }

    /** The text of one "## " section of the page, up to the next one. */
    private static String section(String heading) throws IOException {
        String page = Files.readString(PAGE);
        int start = page.indexOf("\n" + heading + "\n");
        assertThat(start).as("section %s in docs/workflow.md", heading).isNotNegative();
        int end = page.indexOf("\n## ", start + heading.length() + 1);
        return end < 0 ? page.substring(start) : page.substring(start, end);
    }

    private static Set<String> documentedTransitions(String text) {
        Set<String> documented = new LinkedHashSet<>();
        Matcher m = TRANSITION_ROW.matcher(text);
        while (m.find()) {
            assertThat(documented.add(m.group(1) + " -> " + m.group(2))).as("documented twice: %s -> %s",
                    m.group(1), m.group(2)).isTrue();
        }
        return documented;
    }

    private static Set<String> describedStates(String text) {
        Set<String> described = new LinkedHashSet<>();
        Matcher m = STATE_ROW.matcher(text);
        while (m.find()) {
            described.add(m.group(1));
            if (m.group(2) != null) {
                described.add(m.group(2));
            }
        }
        return described;
    }

    private static <S extends Enum<S>> Set<String> allowed(Class<S> type, Transitions<S> transitions) {
        Set<String> allowed = new LinkedHashSet<>();
        for (S from : type.getEnumConstants()) {
            for (S to : type.getEnumConstants()) {
                if (transitions.isAllowed(from, to)) {
                    allowed.add(from + " -> " + to);
                }
            }
        }
        return allowed;
    }

    private static <S extends Enum<S>> Set<String> names(Class<S> type) {
        Set<String> names = new LinkedHashSet<>();
        for (S s : type.getEnumConstants()) {
            names.add(s.name());
        }
        return names;
    }
}
