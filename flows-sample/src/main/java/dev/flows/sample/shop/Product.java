package dev.flows.sample.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * Something the shop sells. Products are seeded ({@link DemoData}), never typed in by
 * customers.
 */
@Entity
public class Product {

	@Id
	@GeneratedValue
	private Long id;

	@Column(nullable = false, length = 100)
	private String name;

	@Column(nullable = false, length = 200)
	private String tagline;

	@Column(nullable = false, length = 2000)
	private String description;

	private long priceCents;

	/** A colour for the product's swatch: the shop has no pictures. */
	@Column(nullable = false, length = 20)
	private String colour;

	protected Product() {
	}

	public Product(String name, String tagline, String description, long priceCents, String colour) {
		this.name = name;
		this.tagline = tagline;
		this.description = description;
		this.priceCents = priceCents;
		this.colour = colour;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getTagline() {
		return this.tagline;
	}

	public String getDescription() {
		return this.description;
	}

	public long getPriceCents() {
		return this.priceCents;
	}

	public String getPrice() {
		return Prices.format(this.priceCents);
	}

	public String getColour() {
		return this.colour;
	}

}
