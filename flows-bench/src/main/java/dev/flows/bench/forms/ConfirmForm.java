package dev.flows.bench.forms;

import java.io.Serializable;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

/** Step 3: agree, with an optional note. */
public class ConfirmForm implements Serializable {

	private static final long serialVersionUID = 1L;

	@AssertTrue(message = "Please agree to continue")
	private boolean accept;

	@Size(max = 200)
	private String note;

	public boolean isAccept() {
		return this.accept;
	}

	public void setAccept(boolean accept) {
		this.accept = accept;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
