package dev.flows.engine;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskIdsTest {

	@Test
	void anIdIs22UrlSafeCharactersEncoding128Bits() {
		String id = TaskIds.newId();

		assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]{22}");
		assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
		assertThat(TaskIds.isWellFormed(id)).isTrue();
	}

	@Test
	void idsAreDistinct() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(TaskIds.newId());
		}

		assertThat(ids).hasSize(10_000);
	}

	@Test
	void idsUseTheWholeAlphabetRatherThanAFewCharacters() {
		Set<Character> seen = new HashSet<>();
		for (int i = 0; i < 2_000; i++) {
			for (char c : TaskIds.newId().toCharArray()) {
				seen.add(c);
			}
		}

		assertThat(seen).hasSize(64);
	}

	@Test
	void onlyStringsOfTheIdFormAreWellFormed() {
		assertThat(TaskIds.isWellFormed("AbCdEfGhIjKlMnOpQrSt-_")).isTrue();
		assertThat(TaskIds.isWellFormed(null)).isFalse();
		assertThat(TaskIds.isWellFormed("")).isFalse();
		assertThat(TaskIds.isWellFormed("AbCdEfGhIjKlMnOpQrSt-")).isFalse();
		assertThat(TaskIds.isWellFormed("AbCdEfGhIjKlMnOpQrSt-_x")).isFalse();
		assertThat(TaskIds.isWellFormed("AbCdEfGhIjKlMnOpQrSt+/")).isFalse();
		assertThat(TaskIds.isWellFormed("AbCdEfGhIjKlMnOpQrSt=\n")).isFalse();
	}

}
