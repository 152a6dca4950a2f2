package dev.flows.sample;

import org.springframework.test.context.TestPropertySource;

/** {@link ChangeOfUserTest} with the principal binder. */
@TestPropertySource(properties = "flows.binder.type=principal")
class ChangeOfUserWithPrincipalBinderTest extends ChangeOfUserTest {

}
