package dev.flows.sample.shop;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages around the purchase flow: the catalogue, a page per product with its "Buy"
 * link ({@code /buy?item=<id>}, the flow's entry page), "My orders", the page Cancel
 * leads to, and the login page.
 */
@Controller
class ShopController {

	private final ProductRepository products;

	private final OrderRepository orders;

	ShopController(ProductRepository products, OrderRepository orders) {
		this.products = products;
		this.orders = orders;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("products", this.products.findAllByOrderByIdAsc());
		return "shop/home";
	}

	/**
	 * An unknown product is a 404: the error page (templates/error.html) says so in the
	 * shop's words.
	 */
	@GetMapping("/products/{id}")
	String product(@PathVariable long id, Model model) {
		model.addAttribute("product",
				this.products.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "shop/product";
	}

	/**
	 * Outside the flow: Spring Security sends anonymous users to the login page first.
	 */
	@GetMapping("/orders")
	String orders(Principal principal, Model model) {
		model.addAttribute("orders", this.orders.findByAccountEmailOrderByPlacedAtDesc(principal.getName()));
		return "shop/orders";
	}

	/** The purchase flow's cancel URL: {@code @Flow(cancelUrl = "/cancelled")}. */
	@GetMapping("/cancelled")
	String cancelled() {
		return "shop/cancelled";
	}

	@GetMapping("/login")
	String login() {
		return "shop/login";
	}

}
