package nl.knooppunt.gateway.shvapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.knooppunt.mappings.ContractTypes;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Publishes the limits of every {@link ContractType} field (and list item) of the request records in
 * the OpenAPI document, read from the XSD like the validation itself, so the document shows the
 * limits that are enforced. Global, so that it also reaches the SHV API's group (/openapi.json/shv-api).
 */
@Component
class ContractTypeSchemas implements GlobalOpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            describe(SubmitDossierRequest.class, openApi.getComponents().getSchemas());
        }
    }

    @SuppressWarnings("rawtypes")
    private static void describe(Class<?> record, Map<String, Schema> schemas) {
        Schema<?> model = schemas.get(schemaName(record));
        for (RecordComponent component : record.getRecordComponents()) {
            Field field = field(record, component.getName());
            Schema<?> property = model == null || model.getProperties() == null ? null
                    : model.getProperties().get(component.getName());
            Type type = component.getGenericType();
            if (property != null && field.getAnnotation(ContractType.class) != null) {
                apply(field.getAnnotation(ContractType.class), property);
            }
            if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
                ContractType item = ((AnnotatedParameterizedType) field.getAnnotatedType())
                        .getAnnotatedActualTypeArguments()[0].getAnnotation(ContractType.class);
                if (item != null && property != null && property.getItems() != null) {
                    apply(item, property.getItems());
                }
                type = list.getActualTypeArguments()[0];
            }
            if (type instanceof Class<?> nested && nested.isRecord()) {
                describe(nested, schemas);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void apply(ContractType annotation, Schema schema) {
        ContractTypes.TextType type = ContractTypes.text(annotation.value());
        type.minLength().ifPresent(schema::setMinLength);
        type.maxLength().ifPresent(schema::setMaxLength);
        if (type.patterns().size() == 1) {
            // XSD patterns match the whole value; JSON Schema patterns search, hence the anchors.
            schema.setPattern("^(?:" + type.patterns().get(0) + ")$");
        }
        if (!type.enumeration().isEmpty()) {
            schema.setEnum(new ArrayList<>(type.enumeration()));
        }
        schema.addExtension("x-contract-type", type.name());
    }

    private static String schemaName(Class<?> record) {
        io.swagger.v3.oas.annotations.media.Schema annotation =
                record.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return annotation != null && !annotation.name().isEmpty() ? annotation.name() : record.getSimpleName();
    }

    private static Field field(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
