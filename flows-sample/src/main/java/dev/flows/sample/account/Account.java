package dev.flows.sample.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * A customer. The email address is the user name; the password is kept as a BCrypt hash.
 * <p>
 * The lengths of the text columns are constants, and the forms that fill them use the
 * same ones ({@code @Size(max = Account.EMAIL_LENGTH)}): input that does not fit gets a
 * message on the form and never reaches the database.
 */
@Entity
public class Account {

	/**
	 * The longest email address there can be: a mail path has 256 characters, angle
	 * brackets included.
	 */
	public static final int EMAIL_LENGTH = 254;

	public static final int NAME_LENGTH = 80;

	/**
	 * A BCrypt hash has 60 characters; room for a stronger encoder's longer hashes later.
	 */
	private static final int PASSWORD_HASH_LENGTH = 100;

	@Id
	@GeneratedValue
	private Long id;

	@Column(nullable = false, unique = true, length = EMAIL_LENGTH)
	private String email;

	@Column(nullable = false, length = NAME_LENGTH)
	private String name;

	@Column(nullable = false, length = PASSWORD_HASH_LENGTH)
	private String passwordHash;

	@Column(nullable = false)
	private Instant createdAt;

	protected Account() {
	}

	public Account(String email, String name, String passwordHash, Instant createdAt) {
		this.email = email;
		this.name = name;
		this.passwordHash = passwordHash;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	public String getName() {
		return this.name;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	void setPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
