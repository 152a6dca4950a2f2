package dev.flows.bench.plain;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import dev.flows.bench.forms.AddressForm;
import dev.flows.bench.forms.ConfirmForm;
import dev.flows.bench.forms.NameForm;
import dev.flows.bench.forms.PageInfo;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Variant (a), and (b) with Spring Session: the three steps as a hand-written controller
 * keeping the answers in the HttpSession (one wizard per session), POST-redirect-GET with
 * a 303, and a guard against skipping ahead. {@code setAttribute} is called after every
 * change, so that Spring Session writes it back.
 */
@Controller
@RequestMapping("/plain")
class PlainWizardController {

	private static final String WIZARD = "wizard";

	@GetMapping({ "", "/name" })
	String name(HttpSession session, Model model) {
		PlainWizard wizard = wizard(session);
		model.addAttribute("nameForm", (wizard != null && wizard.name != null) ? wizard.name : new NameForm());
		model.addAttribute("flow", new PageInfo("/plain/name"));
		return "steps/name";
	}

	@PostMapping("/name")
	Object name(@Valid @ModelAttribute("nameForm") NameForm form, BindingResult errors, HttpSession session,
			Model model) {
		if (errors.hasErrors()) {
			model.addAttribute("flow", new PageInfo("/plain/name"));
			return "steps/name";
		}
		PlainWizard wizard = wizard(session);
		if (wizard == null) {
			wizard = new PlainWizard();
		}
		wizard.name = form;
		session.setAttribute(WIZARD, wizard);
		return seeOther("/plain/address");
	}

	@GetMapping("/address")
	Object address(HttpSession session, Model model) {
		PlainWizard wizard = wizard(session);
		if (wizard == null || wizard.name == null) {
			return seeOther("/plain/name");
		}
		model.addAttribute("addressForm", (wizard.address != null) ? wizard.address : new AddressForm());
		model.addAttribute("flow", new PageInfo("/plain/address"));
		return "steps/address";
	}

	@PostMapping("/address")
	Object address(@Valid @ModelAttribute("addressForm") AddressForm form, BindingResult errors, HttpSession session,
			Model model) {
		PlainWizard wizard = wizard(session);
		if (wizard == null || wizard.name == null) {
			return seeOther("/plain/name");
		}
		if (errors.hasErrors()) {
			model.addAttribute("flow", new PageInfo("/plain/address"));
			return "steps/address";
		}
		wizard.address = form;
		session.setAttribute(WIZARD, wizard);
		return seeOther("/plain/confirm");
	}

	@GetMapping("/confirm")
	Object confirm(HttpSession session, Model model) {
		PlainWizard wizard = wizard(session);
		if (wizard == null || wizard.address == null) {
			return seeOther("/plain/name");
		}
		model.addAttribute("confirmForm", (wizard.confirm != null) ? wizard.confirm : new ConfirmForm());
		model.addAttribute("flow", new PageInfo("/plain/confirm"));
		return "steps/confirm";
	}

	@PostMapping("/confirm")
	Object confirm(@Valid @ModelAttribute("confirmForm") ConfirmForm form, BindingResult errors, HttpSession session,
			Model model) {
		PlainWizard wizard = wizard(session);
		if (wizard == null || wizard.address == null) {
			return seeOther("/plain/name");
		}
		if (errors.hasErrors()) {
			model.addAttribute("flow", new PageInfo("/plain/confirm"));
			return "steps/confirm";
		}
		wizard.confirm = form;
		session.setAttribute(WIZARD, wizard);
		return seeOther("/plain/done");
	}

	@GetMapping("/done")
	Object done(HttpSession session, Model model) {
		PlainWizard wizard = wizard(session);
		if (wizard == null || wizard.confirm == null) {
			return seeOther("/plain/name");
		}
		session.removeAttribute(WIZARD);
		model.addAttribute("nameForm", wizard.name);
		model.addAttribute("addressForm", wizard.address);
		return "done";
	}

	private static PlainWizard wizard(HttpSession session) {
		return (PlainWizard) session.getAttribute(WIZARD);
	}

	private static View seeOther(String path) {
		RedirectView view = new RedirectView(path, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		view.setExposeModelAttributes(false);
		return view;
	}

}
