package dev.flows.web.swfapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;

/**
 * An application that already runs Spring Web Flow, configured as its reference guide
 * shows ({@link WebFlowConfig}), with one XML flow at {@code /register}, and that adds
 * Flows: the {@link Newsletter} flow at {@code /newsletter}. Spring Security is left out
 * (it is on the test classpath for other tests) to keep the requests plain.
 */
@SpringBootApplication(exclude = { SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
		SecurityFilterAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
		ManagementWebSecurityAutoConfiguration.class })
public class SideBySideApplication {

}
