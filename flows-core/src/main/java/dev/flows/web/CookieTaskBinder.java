package dev.flows.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.util.Assert;

/**
 * Binds tasks to a random browser secret carried in an HMAC-signed cookie. Every node
 * that knows the key can check it, so several application nodes work without shared
 * sessions.
 */
public final class CookieTaskBinder implements TaskBinder {

	private static final String HMAC = "HmacSHA256";

	private final SecretKeySpec key;

	private final String cookieName;

	private final boolean secure;

	/**
	 * @param secret the HMAC key, the same on every node; at least 16 characters
	 * @param cookieName the cookie's name
	 * @param secure whether the cookie is sent over HTTPS only
	 */
	public CookieTaskBinder(String secret, String cookieName, boolean secure) {
		Assert.isTrue(secret != null && secret.length() >= 16,
				"flows.binder.cookie.secret must be set to at least 16 characters for the cookie binder");
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
		this.cookieName = cookieName;
		this.secure = secure;
	}

	@Override
	public String bind(HttpServletRequest request, HttpServletResponse response) {
		String browserSecret = verifiedSecret(request);
		if (browserSecret == null) {
			browserSecret = Secrets.newSecret();
			ResponseCookie cookie = ResponseCookie.from(this.cookieName, browserSecret + "." + sign(browserSecret))
				.path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
				.httpOnly(true)
				.secure(this.secure)
				.sameSite("Lax")
				.build();
			response.addHeader("Set-Cookie", cookie.toString());
			// Later binds in the same request must see the cookie just set.
			request.setAttribute(this.cookieName, browserSecret);
		}
		return "c:" + Secrets.digest(browserSecret);
	}

	@Override
	public boolean matches(HttpServletRequest request, String binding) {
		String browserSecret = verifiedSecret(request);
		return browserSecret != null && Secrets.equal(binding, "c:" + Secrets.digest(browserSecret));
	}

	private String verifiedSecret(HttpServletRequest request) {
		if (request.getAttribute(this.cookieName) instanceof String justSet) {
			return justSet;
		}
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (this.cookieName.equals(cookie.getName())) {
				String value = cookie.getValue();
				int dot = value.lastIndexOf('.');
				if (dot > 0 && Secrets.equal(sign(value.substring(0, dot)), value.substring(dot + 1))) {
					return value.substring(0, dot);
				}
			}
		}
		return null;
	}

	private String sign(String value) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.key);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot sign the binding cookie", ex);
		}
	}

	@Override
	public String toString() {
		return "cookie";
	}

}
