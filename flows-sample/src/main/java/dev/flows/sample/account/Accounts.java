package dev.flows.sample.account;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating accounts and changing passwords. */
@Service
public class Accounts {

	/**
	 * The longest password, in UTF-8 bytes: BCrypt reads no more than 72, and Spring
	 * Security refuses to hash a longer one rather than ignore the rest. Forms check it
	 * with {@link MaxBytes}.
	 */
	public static final int MAX_PASSWORD_BYTES = 72;

	private final AccountRepository repository;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	public Accounts(AccountRepository repository, PasswordEncoder passwordEncoder) {
		this.repository = repository;
		this.passwordEncoder = passwordEncoder;
		this.clock = Clock.systemUTC();
	}

	/** Email addresses are compared without regard to case or surrounding blanks. */
	public static String normalize(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
	}

	public Optional<Account> find(String email) {
		return this.repository.findByEmail(normalize(email));
	}

	public boolean exists(String email) {
		return this.repository.existsByEmail(normalize(email));
	}

	@Transactional
	public Account register(String email, String name, String password) {
		return this.repository.save(new Account(normalize(email), name.strip(), this.passwordEncoder.encode(password),
				this.clock.instant()));
	}

	@Transactional
	public void changePassword(String email, String newPassword) {
		this.repository.findByEmail(normalize(email))
			.ifPresent((account) -> account.setPasswordHash(this.passwordEncoder.encode(newPassword)));
	}

}
