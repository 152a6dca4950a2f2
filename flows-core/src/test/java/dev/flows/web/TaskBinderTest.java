package dev.flows.web;

import java.security.Principal;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TaskBinderTest {

	@Test
	void sessionBinderMatchesTheSameSessionOnlyAndStoresNoSecret() {
		SessionTaskBinder binder = new SessionTaskBinder();
		MockHttpServletRequest request = new MockHttpServletRequest();
		String binding = binder.bind(request, new MockHttpServletResponse());
		MockHttpSession session = (MockHttpSession) request.getSession(false);
		assertThat(session).isNotNull();
		assertThat(binding).doesNotContain((String) session.getAttribute(SessionTaskBinder.SECRET_ATTRIBUTE));
		assertThat(binder.matches(withSession(session), binding)).isTrue();
		assertThat(binder.matches(withSession(new MockHttpSession()), binding)).isFalse();
		assertThat(binder.matches(new MockHttpServletRequest(), binding)).isFalse();
	}

	@Test
	void sessionBinderSurvivesASessionIdChange() {
		SessionTaskBinder binder = new SessionTaskBinder();
		MockHttpServletRequest request = new MockHttpServletRequest();
		String binding = binder.bind(request, new MockHttpServletResponse());
		String before = request.getSession().getId();
		request.changeSessionId();
		assertThat(request.getSession().getId()).isNotEqualTo(before);
		assertThat(binder.matches(request, binding)).isTrue();
	}

	@Test
	void sessionBinderReusesOneSecretForEveryTaskOfTheSession() {
		SessionTaskBinder binder = new SessionTaskBinder();
		MockHttpServletRequest request = new MockHttpServletRequest();
		assertThat(binder.bind(request, new MockHttpServletResponse()))
			.isEqualTo(binder.bind(request, new MockHttpServletResponse()));
	}

	@Test
	void principalBinderMatchesTheSameUserFromAnyBrowser() {
		PrincipalTaskBinder binder = new PrincipalTaskBinder();
		String binding = binder.bind(as("alice"), new MockHttpServletResponse());
		assertThat(binding).doesNotContain("alice");
		assertThat(binder.matches(as("alice"), binding)).isTrue();
		assertThat(binder.matches(as("bob"), binding)).isFalse();
		assertThat(binder.matches(new MockHttpServletRequest(), binding)).isFalse();
	}

	@Test
	void principalBinderBindsAnonymousTasksToTheSessionWhichSurvivesSigningIn() {
		PrincipalTaskBinder binder = new PrincipalTaskBinder();
		MockHttpServletRequest anonymous = new MockHttpServletRequest();
		String binding = binder.bind(anonymous, new MockHttpServletResponse());
		MockHttpServletRequest signedIn = withSession((MockHttpSession) anonymous.getSession(false));
		signedIn.setUserPrincipal(principal("alice"));
		assertThat(binder.matches(signedIn, binding)).isTrue();
		assertThat(binder.matches(as("alice"), binding)).as("another browser of the same user").isFalse();
	}

	@Test
	void cookieBinderSetsASignedHttpOnlyCookieAndRejectsForgeries() {
		CookieTaskBinder binder = new CookieTaskBinder("0123456789abcdef0123", "FLOWS_BINDING", true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		String binding = binder.bind(new MockHttpServletRequest(), response);
		String header = response.getHeader("Set-Cookie");
		assertThat(header).contains("HttpOnly").contains("Secure").contains("SameSite=Lax");
		String value = header.substring("FLOWS_BINDING=".length(), header.indexOf(';'));
		assertThat(binder.matches(withCookie(value), binding)).isTrue();
		String secret = value.substring(0, value.lastIndexOf('.'));
		assertThat(binder.matches(withCookie(secret + ".forged"), binding)).isFalse();
		assertThat(binder.matches(withCookie(value), "c:someone-else")).isFalse();
		CookieTaskBinder otherKey = new CookieTaskBinder("another-key-0123456789", "FLOWS_BINDING", true);
		assertThat(otherKey.matches(withCookie(value), binding)).isFalse();
	}

	@Test
	void cookieBinderRefusesAShortSecret() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CookieTaskBinder("short", "FLOWS_BINDING", false))
			.withMessageContaining("flows.binder.cookie.secret");
	}

	@Test
	void noneBinderMatchesEveryone() {
		assertThat(TaskBinder.NONE.bind(new MockHttpServletRequest(), new MockHttpServletResponse())).isEmpty();
		assertThat(TaskBinder.NONE.matches(as("anyone"), "")).isTrue();
	}

	private static MockHttpServletRequest withSession(MockHttpSession session) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(session);
		return request;
	}

	private static MockHttpServletRequest withCookie(String value) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("FLOWS_BINDING", value));
		return request;
	}

	private static MockHttpServletRequest as(String name) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setUserPrincipal(principal(name));
		return request;
	}

	private static Principal principal(String name) {
		return () -> name;
	}

}
