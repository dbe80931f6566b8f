package nl.knooppunt.gateway.shvapi;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import nl.knooppunt.mappings.ContractTypes;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * The field becomes a field of a contract message of this XSD text type, so it gets exactly that
 * type's limits (length, pattern, allowed values, no control characters), read from the XSD. A value
 * the API accepts is then one the contract accepts; the API keeps no copy of the limits that could
 * drift. Whether the field is required stays the API's own rule ({@code @NotBlank}, {@code @NotNull}).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ContractType.Validator.class)
@interface ContractType {

    /** Name of the simple type in the contract XSD, e.g. {@code KorteTekst}. */
    String value();

    String message() default "does not fit the contract";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ContractType, String> {

        private ContractTypes.TextType type;

        @Override
        public void initialize(ContractType annotation) {
            type = ContractTypes.text(annotation.value());
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            Optional<String> problem = type.problem(value);
            if (problem.isEmpty()) {
                return true;
            }
            // As a parameter, not inside the template: the XSD pattern's braces must not be interpolated.
            context.disableDefaultConstraintViolation();
            context.unwrap(HibernateConstraintValidatorContext.class)
                    .addMessageParameter("problem", problem.get())
                    .buildConstraintViolationWithTemplate("{problem}")
                    .addConstraintViolation();
            return false;
        }
    }
}
