package dev.flows.sample.purchase.payment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigInteger;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A custom Bean Validation constraint: an IBAN with a correct check number (ISO 13616,
 * mod 97). Spaces are allowed; {@code null} and blank are left to {@code @NotBlank}.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Constraint(validatedBy = Iban.Validator.class)
public @interface Iban {

	String message() default "This is not a valid IBAN";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the form and the check digits of an IBAN. */
	class Validator implements ConstraintValidator<Iban, String> {

		private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			String iban = normalize(value);
			if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
				return false;
			}
			String rearranged = iban.substring(4) + iban.substring(0, 4);
			StringBuilder digits = new StringBuilder();
			for (char c : rearranged.toCharArray()) {
				digits.append(Character.getNumericValue(c));
			}
			return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
		}

		static String normalize(String value) {
			return value.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
		}

	}

}
