package dev.flows.web.swfapp;

import java.io.Serializable;

/**
 * The model of the Spring Web Flow flow, a flow variable: Serializable, as Spring Web
 * Flow's execution snapshots require.
 */
public class Registration implements Serializable {

	private static final long serialVersionUID = 1L;

	private String name;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

}
