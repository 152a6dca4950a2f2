package dev.flows.autoconfigure.userapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An application's own entity, next to the Flows task entity in one persistence unit. */
@Entity
public class Customer {

	@Id
	private Long id;

	private String name;

	protected Customer() {
	}

	public Customer(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
