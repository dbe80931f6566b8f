package nl.knooppunt.gateway.shvapi;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A burgerservicenummer: nine digits that pass the eleven test (elfproef). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Bsn.Validator.class)
@interface Bsn {

    String message() default "must be a valid BSN (nine digits passing the eleven test)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Bsn, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isValidBsn(value);
        }

        static boolean isValidBsn(String value) {
            if (!value.matches("[0-9]{9}")) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * (value.charAt(i) - '0');
            }
            sum -= value.charAt(8) - '0';
            return sum % 11 == 0 && !value.equals("000000000");
        }
    }
}
