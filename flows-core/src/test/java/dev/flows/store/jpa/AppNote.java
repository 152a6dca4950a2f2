package dev.flows.store.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entity of "the application", living in the same persistence unit as the task entity.
 */
@Entity
@Table(name = "app_note")
public class AppNote {

	@Id
	private Long id;

	private String text;

	protected AppNote() {
	}

	public AppNote(Long id, String text) {
		this.id = id;
		this.text = text;
	}

	public Long getId() {
		return this.id;
	}

	public String getText() {
		return this.text;
	}

}
