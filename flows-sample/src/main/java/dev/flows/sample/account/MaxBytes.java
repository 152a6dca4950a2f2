package dev.flows.sample.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A Bean Validation constraint: at most {@link #value()} bytes in UTF-8. {@code @Size}
 * counts characters, but a password hash counts bytes, and "é" takes two of them
 * ({@link Accounts#MAX_PASSWORD_BYTES}). {@code null} is left to {@code @NotBlank}.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Constraint(validatedBy = MaxBytes.Validator.class)
public @interface MaxBytes {

	/** The most bytes allowed. */
	int value();

	String message() default "This is too long";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Counts the bytes of the UTF-8 encoding. */
	class Validator implements ConstraintValidator<MaxBytes, CharSequence> {

		private int max;

		@Override
		public void initialize(MaxBytes constraint) {
			this.max = constraint.value();
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || value.toString().getBytes(StandardCharsets.UTF_8).length <= this.max;
		}

	}

}
