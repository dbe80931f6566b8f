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
import org.junit.jupiter.api.Test;

/**
 * docs/workflow.md lists every claim state and, per allowed transition, what moves it: the lists
 * must be those of {@link ClaimStatus#TRANSITIONS}, so the page cannot drift from the state machine.
 */
class WorkflowDocTest {

    private static final Path PAGE = Path.of("../docs/workflow.md");
    private static final Pattern TRANSITION_ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| `([A-Z_]+)` \\|", Pattern.MULTILINE);
    private static final Pattern STATE_ROW = Pattern.compile("^\\| `([A-Z_]+)`(?: / `([A-Z_]+)`)? \\| [^`]", Pattern.MULTILINE);

    @Test
    void everyAllowedClaimTransitionIsDocumentedAndNoOther() throws IOException {
        String page = Files.readString(PAGE);
        Set<String> documented = new LinkedHashSet<>();
        Matcher m = TRANSITION_ROW.matcher(page);
        while (m.find()) {
            assertThat(documented.add(m.group(1) + " -> " + m.group(2))).as("documented twice: %s -> %s",
                    m.group(1), m.group(2)).isTrue();
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (ClaimStatus from : ClaimStatus.values()) {
            for (ClaimStatus to : ClaimStatus.values()) {
                if (ClaimStatus.TRANSITIONS.isAllowed(from, to)) {
                    allowed.add(from + " -> " + to);
                }
            }
        }
        assertThat(documented).as("transitions in docs/workflow.md").containsExactlyInAnyOrderElementsOf(allowed);
    }

    @Test
    void everyClaimStateIsDescribed() throws IOException {
        String page = Files.readString(PAGE);
        Set<String> described = new LinkedHashSet<>();
        Matcher m = STATE_ROW.matcher(page);
        while (m.find()) {
            described.add(m.group(1));
            if (m.group(2) != null) {
                described.add(m.group(2));
            }
        }
        for (ClaimStatus status : ClaimStatus.values()) {
            assertThat(described).as("states described in docs/workflow.md").contains(status.name());
        }
    }
}
