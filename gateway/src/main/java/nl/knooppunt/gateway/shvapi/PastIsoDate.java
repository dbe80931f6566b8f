package nl.knooppunt.gateway.shvapi;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A calendar date written as {@code yyyy-MM-dd} that lies in the past. Taken as text so that a
 * wrong date is reported together with every other invalid field.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PastIsoDate.Validator.class)
@interface PastIsoDate {

    String message() default "must be a date in the past written as yyyy-MM-dd";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PastIsoDate, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                LocalDate date = LocalDate.parse(value);
                // "Today" from the validator's clock: the gateway's clock, in its time zone.
                return date.isBefore(LocalDate.now(context.getClockProvider().getClock())) && date.getYear() >= 1900;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
