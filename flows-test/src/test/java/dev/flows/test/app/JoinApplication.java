package dev.flows.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application the kit's own tests run: the {@link Join} flow, Thymeleaf pages, and
 * Spring Security with CSRF protection and a login page, as a real application has.
 */
@SpringBootApplication
public class JoinApplication {

	@Bean
	SecurityFilterChain security(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.formLogin(Customizer.withDefaults())
			.build();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("alice").password("{noop}secret").roles("USER").build());
	}

	/** Where Cancel leads. */
	@RestController
	static class CancelledPage {

		@GetMapping(path = "/cancelled", produces = "text/html")
		String cancelled() {
			return "<html><body><h1>Maybe next time</h1><a href=\"/join\">Join</a></body></html>";
		}

	}

}
