package nl.knooppunt.gateway.channel.rest.api;

import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import nl.knooppunt.mappings.Contract;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The creditor API's OpenAPI document, served at {@code /openapi.json/creditor-api} and in Swagger
 * UI, and published as docs/api/creditor-api-v1.openapi.json (a contract test keeps the two equal).
 * The operations come from the controller; the messages are not redrawn here but taken from the
 * contract's own JSON schemas (the mappings module's messages document), so the API can never
 * describe a message differently from what the codec reads.
 */
@Configuration(proxyBeanMethods = false)
class CreditorApiDocument {

    static final String GROUP = "creditor-api";

    @Bean
    GroupedOpenApi creditorApi() {
        Map<String, Schema> contractSchemas = contractSchemas();
        return GroupedOpenApi.builder()
                .group(GROUP)
                .displayName("Knooppunt creditor API v1")
                .pathsToMatch(CreditorApiController.BASE + "/**")
                .addOpenApiCustomizer(openApi -> describe(openApi, contractSchemas))
                .build();
    }

    private static void describe(OpenAPI openApi, Map<String, Schema> contractSchemas) {
        openApi.info(new Info()
                .title("Knooppunt creditor API")
                .version("v1")
                .description("""
                        For creditors (schuldeisers) and incassobureaus with their own system: answer the gateway's \
                        messages (one at a time, or in batches each-on-its-own or all-or-nothing), fetch your mailbox \
                        page by page and confirm what you fetched. Messages are in the contract's JSON form \
                        (schemas below, the same as the SOAP service's XML). Same rules as the SOAP service: you see \
                        and answer only your own conversations, a message sent again (same Referentienummer) returns \
                        its original result. Errors are RFC 9457 application/problem+json with a stable type \
                        urn:knooppunt:problem:<code>; validation problems name the field in `errors`."""));
        Map<String, Schema> schemas = new TreeMap<>(contractSchemas);
        if (openApi.getComponents().getSchemas() != null) {
            schemas.putAll(openApi.getComponents().getSchemas());
        }
        openApi.getComponents().setSchemas(schemas);
    }

    /** The component schemas of the contract's messages document. */
    @SuppressWarnings("rawtypes")
    private static Map<String, Schema> contractSchemas() {
        try (InputStream in = Contract.class.getResourceAsStream(Contract.OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The contract's OpenAPI document is missing: " + Contract.OPENAPI_RESOURCE);
            }
            return Yaml.mapper().readValue(in, OpenAPI.class).getComponents().getSchemas();
        } catch (IOException e) {
            throw new UncheckedIOException("The contract's OpenAPI document cannot be read", e);
        }
    }
}
