package dev.flows.sample.shop;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts who is signed in into every page's model, for the header. Flow steps are handler
 * methods like any other, so this advice applies to them too.
 */
@ControllerAdvice
class CurrentUserAdvice {

	@ModelAttribute("currentUser")
	String currentUser(Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

}
