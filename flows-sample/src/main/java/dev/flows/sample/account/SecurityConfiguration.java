package dev.flows.sample.account;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Ordinary Spring Security: a login page at {@code /login}, "My orders" for signed-in
 * users only, everything else open. The purchase flow needs nothing here: its
 * {@code @RequiresLogin} steps go through Security's own entry point, and its login step
 * signs in by itself (see {@link SignIn}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager)
			throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/orders/**").authenticated().anyRequest().permitAll())
			.authenticationManager(authenticationManager)
			.formLogin((form) -> form.loginPage("/login").usernameParameter("email").permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/?signedOut"));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	/** Users are accounts, found by email address. */
	@Bean
	UserDetailsService userDetailsService(AccountRepository accounts) {
		return (email) -> accounts.findByEmail(Accounts.normalize(email))
			.map((account) -> User.withUsername(account.getEmail())
				.password(account.getPasswordHash())
				.authorities(List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER")))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("No account for " + email));
	}

	/** Used by the login page and by the purchase flow's login step. */
	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(provider);
	}

}
