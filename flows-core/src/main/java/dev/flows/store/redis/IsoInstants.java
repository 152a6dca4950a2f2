package dev.flows.store.redis;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The text of an {@link Instant} as {@link Instant#toString()} writes it and
 * {@link Instant#parse} reads it (ISO-8601 in UTC, such as
 * {@code 2026-11-30T07:43:09.484018Z}), without the general formatter: a task hash holds
 * three instants, read and written on every request, and the {@code java.time} formatter
 * was a quarter of the store's CPU time in the bench's profile. Years outside 0000 to
 * 9999, and any text of another shape, go through {@code java.time}.
 */
final class IsoInstants {

	/** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
	private static final long FIRST_SECOND = -62_167_219_200L;

	private static final long LAST_SECOND = 253_402_300_799L;

	private IsoInstants() {
	}

	/** Exactly what {@link Instant#toString()} answers. */
	static String format(Instant instant) {
		long seconds = instant.getEpochSecond();
		if (seconds < FIRST_SECOND || seconds > LAST_SECOND) {
			return instant.toString();
		}
		long day = Math.floorDiv(seconds, 86_400L);
		int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
		LocalDate date = LocalDate.ofEpochDay(day);
		StringBuilder text = new StringBuilder(30);
		pad(text, date.getYear(), 4);
		text.append('-');
		pad(text, date.getMonthValue(), 2);
		text.append('-');
		pad(text, date.getDayOfMonth(), 2);
		text.append('T');
		pad(text, secondOfDay / 3600, 2);
		text.append(':');
		pad(text, (secondOfDay / 60) % 60, 2);
		text.append(':');
		pad(text, secondOfDay % 60, 2);
		int nano = instant.getNano();
		if (nano > 0) {
			text.append('.');
			if (nano % 1_000_000 == 0) {
				pad(text, nano / 1_000_000, 3);
			}
			else if (nano % 1_000 == 0) {
				pad(text, nano / 1_000, 6);
			}
			else {
				pad(text, nano, 9);
			}
		}
		return text.append('Z').toString();
	}

	/** What {@link Instant#parse} answers for {@code text}. */
	static Instant parse(String text) {
		int length = text.length();
		if (length < 20 || length == 21 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-'
				|| text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
				|| text.charAt(length - 1) != 'Z' || (length > 20 && text.charAt(19) != '.')) {
			return Instant.parse(text);
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		int nano = 0;
		if (length > 20) {
			int fraction = digits(text, 20, length - 1);
			if (fraction < 0) {
				return Instant.parse(text);
			}
			nano = fraction;
			for (int i = length - 1 - 20; i < 9; i++) {
				nano *= 10;
			}
		}
		if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
				|| second < 0 || second > 59) {
			return Instant.parse(text);
		}
		LocalDate date = LocalDate.of(year, month, 1);
		if (day > date.lengthOfMonth()) {
			return Instant.parse(text);
		}
		long epochSecond = (date.toEpochDay() + day - 1) * 86_400L + hour * 3600L + minute * 60L + second;
		return Instant.ofEpochSecond(epochSecond, nano);
	}

	/**
	 * The decimal number in {@code text[from, to)}, or -1 if a character is not a digit.
	 */
	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static void pad(StringBuilder text, int value, int width) {
		String digits = Integer.toString(value);
		for (int i = digits.length(); i < width; i++) {
			text.append('0');
		}
		text.append(digits);
	}

}
