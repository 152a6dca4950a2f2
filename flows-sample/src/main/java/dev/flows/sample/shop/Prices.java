package dev.flows.sample.shop;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Prices are whole cents in the database and euros on the page. */
public final class Prices {

	private Prices() {
	}

	/** {@code 2450} becomes {@code €24.50}. */
	public static String format(long cents) {
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
		format.setCurrency(Currency.getInstance("EUR"));
		return format.format(BigDecimal.valueOf(cents, 2));
	}

}
