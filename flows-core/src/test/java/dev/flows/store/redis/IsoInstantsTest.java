package dev.flows.store.redis;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The store's instant text is exactly {@code java.time}'s, both ways. */
class IsoInstantsTest {

	@Test
	void writesWhatInstantToStringWritesAndReadsItBack() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 200_000; i++) {
			long seconds = random.nextLong(-62_167_219_200L - 1000, 253_402_300_799L + 1000);
			int nano = switch (i % 4) {
				case 0 -> 0;
				case 1 -> random.nextInt(1000) * 1_000_000;
				case 2 -> random.nextInt(1_000_000) * 1_000;
				default -> random.nextInt(1_000_000_000);
			};
			Instant instant = Instant.ofEpochSecond(seconds, nano);
			String text = IsoInstants.format(instant);
			assertThat(text).isEqualTo(instant.toString());
			assertThat(IsoInstants.parse(text)).isEqualTo(instant);
		}
		Instant now = Instant.now();
		assertThat(IsoInstants.format(now)).isEqualTo(now.toString());
		assertThat(IsoInstants.parse(now.toString())).isEqualTo(now);
	}

	@Test
	void readsWhatInstantParseReadsAndRefusesWhatItRefuses() {
		for (String text : new String[] { "2026-11-30T07:43:09Z", "2026-11-30T07:43:09.4Z", "2026-11-30T07:43:09.48Z",
				"2026-11-30T07:43:09.4840Z", "2026-11-30T07:43:09.123456789Z", "2024-02-29T23:59:59.999Z",
				"+12026-01-01T00:00:00Z", "2026-11-30T07:43:09+01:00", "2026-11-30T24:00:00Z",
				"2026-11-30T07:43:09.Z" }) {
			assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
		}
		for (String text : new String[] { "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-30T07:61:00Z",
				"2026-11-30T07:43:0xZ", "2026-11-30 07:43:09Z", "2026-11-30T07:43:09.1234567890Z" }) {
			assertThatExceptionOfType(DateTimeParseException.class).as(text).isThrownBy(() -> IsoInstants.parse(text));
		}
	}

}
