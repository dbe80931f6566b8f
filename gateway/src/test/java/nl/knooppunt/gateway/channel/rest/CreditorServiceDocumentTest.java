package nl.knooppunt.gateway.channel.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The published creditor-side contract is what the code sends and expects: regenerated from the code on
 * every build and compared; {@code -Dknooppunt.write-docs=true} writes it. Real requests and answers are
 * validated against it in {@link RestDeliveryTest}.
 */
class CreditorServiceDocumentTest {

    @Test
    void publishedDocumentIsWhatTheCodeSendsAndExpects() throws Exception {
        String generated = CreditorServiceDocument.generate();
        if (Boolean.getBoolean("knooppunt.write-docs")) {
            Files.writeString(CreditorServiceDocument.PUBLISHED, generated);
        }
        Path fresh = Path.of("target", "creditor-service-v1.openapi.json");
        Files.writeString(fresh, generated);
        assertThat(Files.readString(CreditorServiceDocument.PUBLISHED))
                .as("docs/api/creditor-service-v1.openapi.json is out of date; the generated one is in "
                        + fresh.toAbsolutePath() + " (or run this test with -Dknooppunt.write-docs=true)")
                .isEqualTo(generated);
    }

    @Test
    void answerSchemaNamesTheFieldsTheReaderReads() throws Exception {
        JsonNode schemas = CreditorServiceDocument.JSON.readTree(CreditorServiceDocument.generate())
                .at("/components/schemas");

        assertThat(schemas.at("/CreditorAnswer/properties").has(CreditorAnswer.BATCH_ID)).isTrue();
        assertThat(schemas.at("/CreditorAnswer/properties").has(CreditorAnswer.RESULTS)).isTrue();
        assertThat(schemas.at("/CreditorAnswer/required").toString()).contains(CreditorAnswer.BATCH_ID,
                CreditorAnswer.RESULTS);
        assertThat(schemas.at("/CreditorAnswerResult/required").toString()).contains("reference", "accepted");
        assertThat(schemas.has("Batch")).as("the request is the contract's JSON batch form").isTrue();
    }

    @Test
    void publishedSchemasRefuseWhatTheGatewayWouldNotAccept() throws Exception {
        var json = CreditorServiceDocument.JSON;
        assertThat(CreditorServiceDocument.schema("CreditorAnswer")
                .validate(json.readTree("{\"batchId\":\"6f1c2b7e-1f4e-4a53-9b89-0c5f3b1c9a10\"}"))).isNotEmpty();
        assertThat(CreditorServiceDocument.schema("CreditorAnswer").validate(json.readTree(
                "{\"batchId\":\"6f1c2b7e-1f4e-4a53-9b89-0c5f3b1c9a10\",\"results\":[{\"accepted\":true}]}")))
                .as("a result names its message").isNotEmpty();
        assertThat(CreditorServiceDocument.schema("Batch").validate(json.readTree("{\"berichten\":[]}")))
                .isNotEmpty();
    }
}
