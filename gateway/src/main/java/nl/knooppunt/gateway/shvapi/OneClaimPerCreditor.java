package nl.knooppunt.gateway.shvapi;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.Set;

/** A dossier holds one claim per creditor; all invoices of a creditor go into that one claim. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneClaimPerCreditor.Validator.class)
@interface OneClaimPerCreditor {

    String message() default "appears in more than one claim; list all invoices of a creditor in one claim";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OneClaimPerCreditor, SubmitDossierRequest> {

        @Override
        public boolean isValid(SubmitDossierRequest request, ConstraintValidatorContext context) {
            if (request.claims() == null) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            for (int i = 0; i < request.claims().size(); i++) {
                SubmitDossierRequest.ClaimRequest claim = request.claims().get(i);
                if (claim != null && claim.creditorOin() != null && !seen.add(claim.creditorOin())) {
                    valid = false;
                    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                            .addPropertyNode("claims")
                            .addPropertyNode("creditorOin").inIterable().atIndex(i)
                            .addConstraintViolation();
                }
            }
            return valid;
        }
    }
}
