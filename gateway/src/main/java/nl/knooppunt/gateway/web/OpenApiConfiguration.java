package nl.knooppunt.gateway.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SHV API's OpenAPI document, served at /openapi.json/shv-api (each API is a group; /openapi.json
 * itself lists every API together). It is also kept under docs/api/ and compared with what is served
 * by a contract test, so every change to the API shows in review.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** The SHV API on its own, listed in Swagger UI beside the creditor API. */
    @Bean
    GroupedOpenApi shvApi() {
        return GroupedOpenApi.builder().group("shv-api").displayName("Knooppunt SHV API v1")
                .pathsToMatch("/api/v1/dossiers/**", "/api/v1/notifications/**").build();
    }

    @Bean
    OpenAPI knooppuntOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Knooppunt SHV API")
                        .version("v1")
                        .description("""
                                For schuldhulpverleners (SHV): submit dossiers with their claims, and follow the status \
                                of every dossier and claim as the gateway exchanges Saldoverzoeken and Betaalvoorstellen \
                                with the creditors. Errors are RFC 9457 application/problem+json; validation problems \
                                name every offending field in `errors`."""))
                // Relative, so the document is the same on every host and port.
                .servers(List.of(new Server().url("/").description("This gateway")))
                .components(new Components().addSecuritySchemes("pkioverheid", new SecurityScheme()
                        .type(SecurityScheme.Type.MUTUALTLS)
                        .description("A PKIoverheid (private services) client certificate with the organisation's "
                                + "OIN in the subject serialNumber. The OIN must belong to an active participant.")))
                .addSecurityItem(new SecurityRequirement().addList("pkioverheid"));
    }
}
