package dev.flows.web;

import dev.flows.web.testapp.OrderApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** Task ownership with the principal binder. */
@SpringBootTest(classes = OrderApplication.class, properties = "flows.binder.type=principal")
@AutoConfigureMockMvc
class PrincipalBinderTaskOwnershipWebTests extends AbstractTaskOwnershipWebTests {

}
