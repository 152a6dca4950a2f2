package dev.flows.bench.plain;

import java.io.Serializable;

import dev.flows.bench.forms.AddressForm;
import dev.flows.bench.forms.ConfirmForm;
import dev.flows.bench.forms.NameForm;

/**
 * What the plain controller keeps in the HttpSession between steps: one wizard per
 * session.
 */
public class PlainWizard implements Serializable {

	private static final long serialVersionUID = 1L;

	public NameForm name;

	public AddressForm address;

	public ConfirmForm confirm;

}
