package dev.flows.web;

import dev.flows.web.testapp.OrderApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** Task ownership with the default session binder. */
@SpringBootTest(classes = OrderApplication.class)
@AutoConfigureMockMvc
class SessionBinderTaskOwnershipWebTests extends AbstractTaskOwnershipWebTests {

}
