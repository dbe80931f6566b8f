package nl.knooppunt.mappings.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/messages.md and the OpenAPI document are generated from the XSD, MessageType and the CSV layouts.
 * These tests regenerate them and fail when the committed files differ. To update the files, run
 * {@code ./mvnw -q -B -pl mappings verify -Dmessages.doc.update=true}.
 */
class ContractDocumentsTest {
    private static final boolean UPDATE = Boolean.getBoolean("messages.doc.update");
    private static final XsdModel XSD = XsdModel.load();

    static Path moduleDir() {
        return Path.of(System.getProperty("mappings.basedir", "."));
    }

    @Test
    void messagesDocumentMatchesTheContract() throws IOException {
        assertGenerated(moduleDir().resolve("../docs/messages.md").normalize(), new MessagesDocGenerator(XSD).generate());
    }

    @Test
    void openApiDocumentMatchesTheXsd() throws IOException {
        assertGenerated(moduleDir().resolve("src/main/resources/nl/knooppunt/mappings/openapi/messages-v2.yaml"),
                new OpenApiGenerator(XSD).generate());
    }

    private static void assertGenerated(Path file, String generated) throws IOException {
        if (UPDATE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertThat(file).as("%s is generated; regenerate it with -Dmessages.doc.update=true", file).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("%s is out of date; regenerate it with -Dmessages.doc.update=true", file)
                .isEqualTo(generated);
    }
}
