package dev.flows.sample.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a user in from inside a flow step, the way Spring Security's login form would:
 * authenticate, change the session id (against session fixation), and keep the security
 * context in the HTTP session.
 * <p>
 * The purchase task survives the new session id: Flows' default binder ties the task to a
 * secret kept as a session attribute, and session attributes move to the new id.
 */
@Component
public class SignIn {

	private final AuthenticationManager authenticationManager;

	private final UserDetailsService users;

	private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	public SignIn(AuthenticationManager authenticationManager, UserDetailsService users) {
		this.authenticationManager = authenticationManager;
		this.users = users;
	}

	/**
	 * Checks the password and signs the user in; {@code false} when they do not match an
	 * account.
	 */
	public boolean withPassword(String email, String password, HttpServletRequest request,
			HttpServletResponse response) {
		Authentication authentication;
		try {
			authentication = this.authenticationManager
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(Accounts.normalize(email), password));
		}
		catch (AuthenticationException ex) {
			return false;
		}
		establish(authentication, request, response);
		return true;
	}

	/** Signs in the owner of an account that was just created. */
	public void asNewAccount(Account account, HttpServletRequest request, HttpServletResponse response) {
		UserDetails user = this.users.loadUserByUsername(account.getEmail());
		establish(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()), request,
				response);
	}

	private void establish(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(authentication);
		this.holder.setContext(context);
		this.contextRepository.saveContext(context, request, response);
	}

}
