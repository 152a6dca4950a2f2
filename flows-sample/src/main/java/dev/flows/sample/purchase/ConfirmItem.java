package dev.flows.sample.purchase;

import java.util.List;

import jakarta.validation.Valid;

import dev.flows.definition.FlowAction;
import dev.flows.definition.OnGet;
import dev.flows.definition.OnPost;
import dev.flows.definition.Outcome;
import dev.flows.sample.shop.Product;
import dev.flows.sample.shop.ProductRepository;
import dev.flows.state.TaskState;

import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The first step: which product, and how many. A product page links to
 * {@code /buy?item=3}, which renders this step with the product already chosen; a bare
 * {@code /buy} lets the customer pick. No task exists until the form is submitted: a GET
 * never creates one.
 * <p>
 * An action is a controller: its handlers take the usual Spring MVC arguments
 * ({@code @Valid @ModelAttribute}, {@code BindingResult}, {@code @RequestParam},
 * {@code Model}), its {@code @ModelAttribute} methods run before each of them, plus the
 * flow's own arguments ({@link TaskState}, {@code @FlowState}).
 * <p>
 * {@code form = "form"}: Flows keeps the submitted {@code @ModelAttribute("form")} in the
 * task when the step completes, and when the customer comes back to this step (the
 * browser's Back, the Back button) the {@code @OnGet} method receives it instead of a new
 * form: the earlier product and quantity are chosen, with no code here. The
 * {@code "item"} the later steps read is the step's own answer, put there by the POST
 * handler; the kept form only shows the page again.
 */
@FlowAction(name = "item", title = "Do you want to buy this?", view = "purchase/confirm-item", owns = "item",
		form = "form")
public class ConfirmItem {

	private final ProductRepository products;

	ConfirmItem(ProductRepository products) {
		this.products = products;
	}

	/** The catalogue, on the page and when it is shown again with errors. */
	@ModelAttribute("products")
	List<Product> products() {
		return this.products.findAllByOrderByIdAsc();
	}

	/**
	 * {@code form} is the kept form when the customer comes back to this step, else a new
	 * one; {@code item} is the query parameter of the product page's Buy link, which
	 * chooses the product of a new form.
	 */
	@OnGet
	void show(@RequestParam(name = "item", required = false) Long item, @ModelAttribute("form") ItemForm form) {
		if (form.getProductId() == null && item != null && this.products.existsById(item)) {
			form.setProductId(item);
		}
	}

	@OnPost
	Outcome confirm(@Valid @ModelAttribute("form") ItemForm form, BindingResult errors, TaskState state) {
		if (form.getProductId() != null && !this.products.existsById(form.getProductId())) {
			errors.rejectValue("productId", "unknown", "We don't sell that any more; choose something else");
		}
		if (errors.hasErrors()) {
			return Outcome.redisplay();
		}
		state.put("item", new ItemChoice(form.getProductId(), form.getQuantity()));
		return Outcome.complete();
	}

}
