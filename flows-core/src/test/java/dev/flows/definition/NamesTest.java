package dev.flows.definition;

import dev.flows.engine.purchase.LoginOrRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

	static class URLParser {

	}

	static class Step2Go {

	}

	static class X {

	}

	@Test
	void classNamesBecomeKebabCase() {
		assertThat(Names.kebab(LoginOrRegister.class)).isEqualTo("login-or-register");
		assertThat(Names.kebab(URLParser.class)).isEqualTo("url-parser");
		assertThat(Names.kebab(Step2Go.class)).isEqualTo("step2-go");
		assertThat(Names.kebab(X.class)).isEqualTo("x");
	}

	@Test
	void classNamesBecomeSentenceCaseTitles() {
		assertThat(Names.title(LoginOrRegister.class)).isEqualTo("Login or register");
		assertThat(Names.title(URLParser.class)).isEqualTo("Url parser");
		assertThat(Names.title(X.class)).isEqualTo("X");
	}

	@Test
	void namesGivenInCodeBecomeTheSameTitlesAsClassNames() {
		assertThat(Names.title("login-or-register")).isEqualTo(Names.title(LoginOrRegister.class));
	}

	@Test
	void blankValuesFallBackToTheDefault() {
		assertThat(Names.orDefault("", "fallback")).isEqualTo("fallback");
		assertThat(Names.orDefault("  ", "fallback")).isEqualTo("fallback");
		assertThat(Names.orDefault(null, "fallback")).isEqualTo("fallback");
		assertThat(Names.orDefault("given", "fallback")).isEqualTo("given");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/orders", "/orders/42?tab=items#top", "/a//b" })
	void pathsOnThisSiteAreLocal(String url) {
		assertThat(Names.isLocalPath(url)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "//evil.example", "/\\evil.example", "https://evil.example", "evil.example", "",
			"/\t/evil.example", "/\r\n/evil.example", "/\u000b/evil.example", "/\u007f" })
	void otherSitesAndControlCharactersAreNotLocal(String url) {
		assertThat(Names.isLocalPath(url)).isFalse();
	}

	@Test
	void nullIsNotLocal() {
		assertThat(Names.isLocalPath(null)).isFalse();
	}

}
