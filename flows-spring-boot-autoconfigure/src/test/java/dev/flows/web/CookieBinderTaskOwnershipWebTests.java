package dev.flows.web;

import dev.flows.web.testapp.OrderApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** Task ownership with the signed-cookie binder, whose cookie outlives a logout. */
@SpringBootTest(classes = OrderApplication.class,
		properties = { "flows.binder.type=cookie", "flows.binder.cookie.secret=a-test-secret-of-some-length" })
@AutoConfigureMockMvc
class CookieBinderTaskOwnershipWebTests extends AbstractTaskOwnershipWebTests {

}
