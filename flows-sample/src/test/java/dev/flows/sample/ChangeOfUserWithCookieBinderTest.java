package dev.flows.sample;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link ChangeOfUserTest} with the signed-cookie binder, whose cookie outlives signing
 * out: the task's owner, not the cookie, decides.
 */
@TestPropertySource(
		properties = { "flows.binder.type=cookie", "flows.binder.cookie.secret=a-browser-test-secret-0123456789" })
class ChangeOfUserWithCookieBinderTest extends ChangeOfUserTest {

}
