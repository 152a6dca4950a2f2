package dev.flows.test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * One form of a rendered page, read the way a browser reads it: its method and action,
 * the values its controls would send (checked boxes only, the selected option, ...) and
 * its submit buttons.
 *
 * @param method the method, upper case ({@code GET} unless the form says otherwise)
 * @param action the action as written, or the page's own address when it has none
 * @param controls the named controls, in document order, buttons excluded
 * @param buttons the submit buttons, in document order
 */
record HtmlForm(String method, String action, List<Control> controls, List<Button> buttons) {

	/** The forms of {@code html}, a page that was served at {@code pageUri}. */
	static List<HtmlForm> parse(String html, String pageUri) {
		Document document = Jsoup.parse(html);
		List<HtmlForm> forms = new ArrayList<>();
		for (FormElement form : document.forms()) {
			String action = form.hasAttr("action") ? form.attr("action") : pageUri;
			String method = form.hasAttr("method") ? form.attr("method").toUpperCase(Locale.ROOT) : "GET";
			List<Control> controls = new ArrayList<>();
			List<Button> buttons = new ArrayList<>();
			// The form's own controls in document order, then those the parser tied to it
			// although they are outside it (a form closed early by misnested tags).
			Set<Element> elements = new LinkedHashSet<>(form.select("input, button, select, textarea"));
			elements.addAll(form.elements());
			for (Element element : elements) {
				read(element, controls, buttons);
			}
			forms.add(new HtmlForm(method, action.isEmpty() ? pageUri : action, List.copyOf(controls),
					List.copyOf(buttons)));
		}
		return forms;
	}

	/** The visible text of {@code html}: no tags, no scripts, blanks collapsed. */
	static String text(String html) {
		Document document = Jsoup.parse(html);
		document.select("script, style, template").remove();
		return document.body().text();
	}

	private static void read(Element element, List<Control> controls, List<Button> buttons) {
		String tag = element.normalName();
		String name = element.attr("name");
		boolean disabled = element.hasAttr("disabled");
		switch (tag) {
			case "button" -> {
				String type = element.hasAttr("type") ? element.attr("type").toLowerCase(Locale.ROOT) : "submit";
				if (type.equals("submit") && !disabled) {
					buttons.add(new Button(element.text().strip(), name, element.attr("value")));
				}
			}
			case "input" -> {
				String type = element.hasAttr("type") ? element.attr("type").toLowerCase(Locale.ROOT) : "text";
				switch (type) {
					case "submit", "image" -> {
						if (!disabled) {
							buttons.add(new Button(element.attr("value").strip(), name, element.attr("value")));
						}
					}
					case "button", "reset", "file" -> {
						// A browser sends none of these with a form's fields.
					}
					case "checkbox", "radio" -> {
						if (!name.isEmpty()) {
							String value = element.hasAttr("value") ? element.attr("value") : "on";
							controls.add(new Control(name, type,
									element.hasAttr("checked") ? List.of(value) : List.of(), disabled));
						}
					}
					default -> {
						if (!name.isEmpty()) {
							controls.add(new Control(name, type, List.of(element.attr("value")), disabled));
						}
					}
				}
			}
			case "select" -> {
				if (!name.isEmpty()) {
					List<String> selected = element.select("option[selected]")
						.stream()
						.map(HtmlForm::optionValue)
						.toList();
					if (selected.isEmpty() && !element.hasAttr("multiple")) {
						Element first = element.selectFirst("option");
						selected = (first != null) ? List.of(optionValue(first)) : List.of();
					}
					else if (!element.hasAttr("multiple") && selected.size() > 1) {
						selected = List.of(selected.get(selected.size() - 1));
					}
					controls.add(new Control(name, "select", selected, disabled));
				}
			}
			case "textarea" -> {
				if (!name.isEmpty()) {
					controls.add(new Control(name, "textarea", List.of(element.wholeText()), disabled));
				}
			}
			default -> {
			}
		}
	}

	private static String optionValue(Element option) {
		return option.hasAttr("value") ? option.attr("value") : option.text();
	}

	/** The action's path, without query string or fragment. */
	String actionPath() {
		return pathOf(this.action);
	}

	/** The path of a URI, relative or absolute, without query string or fragment. */
	static String pathOf(String uri) {
		String path = uri;
		int end = indexOfAny(path, '?', '#');
		if (end >= 0) {
			path = path.substring(0, end);
		}
		int scheme = path.indexOf("://");
		if (scheme >= 0) {
			int slash = path.indexOf('/', scheme + 3);
			path = (slash >= 0) ? path.substring(slash) : "/";
		}
		return path;
	}

	private static int indexOfAny(String text, char first, char second) {
		int a = text.indexOf(first);
		int b = text.indexOf(second);
		return (a < 0) ? b : (b < 0) ? a : Math.min(a, b);
	}

	/** The names of the fields a test may fill. */
	Set<String> fieldNames() {
		return this.controls.stream().map(Control::name).collect(Collectors.toCollection(LinkedHashSet::new));
	}

	boolean hasField(String name) {
		return this.controls.stream().anyMatch((control) -> control.name().equals(name));
	}

	/** Whether someone would see a field of this form (one that is not hidden). */
	boolean hasVisibleField() {
		return this.controls.stream().anyMatch((control) -> !control.type().equals("hidden"));
	}

	/** The first submit button, or {@code null} when the form has none. */
	Button firstButton() {
		return this.buttons.isEmpty() ? null : this.buttons.get(0);
	}

	/**
	 * What the form sends when {@code button} (or, if {@code null}, no button) submits
	 * it, with {@code filled} in place of the values the page put in those fields.
	 */
	MultiValueMap<String, String> data(Map<String, List<String>> filled, Button button) {
		MultiValueMap<String, String> data = new LinkedMultiValueMap<>();
		Set<String> done = new LinkedHashSet<>();
		for (Control control : this.controls) {
			if (filled.containsKey(control.name())) {
				if (done.add(control.name())) {
					data.addAll(control.name(), filled.get(control.name()));
				}
			}
			else if (!control.disabled()) {
				for (String value : control.values()) {
					data.add(control.name(), value);
				}
			}
		}
		if (button != null && !button.name().isEmpty()) {
			data.add(button.name(), button.value());
		}
		return data;
	}

	/** A one-line description for failure messages. */
	String describe() {
		String fields = fieldNames().isEmpty() ? "no fields" : "fields " + String.join(", ", fieldNames());
		String labels = this.buttons.stream()
			.map((button) -> "'" + button.label() + "'")
			.collect(Collectors.joining(", ", "buttons ", ""));
		return this.method + " " + this.action + " (" + fields + (this.buttons.isEmpty() ? "" : "; " + labels) + ")";
	}

	/**
	 * A named control.
	 *
	 * @param name its name
	 * @param type its input type ({@code text}, {@code hidden}, ...), {@code select} or
	 * {@code textarea}
	 * @param values what it sends as the page left it
	 * @param disabled whether it is disabled (sends nothing unless filled)
	 */
	record Control(String name, String type, List<String> values, boolean disabled) {
	}

	/**
	 * A submit button.
	 *
	 * @param label what it shows: the text of a {@code button}, the value of an
	 * {@code input}
	 * @param name its name, or empty
	 * @param value what it sends under its name
	 */
	record Button(String label, String name, String value) {

		boolean matches(String labelOrName) {
			return this.label.replaceAll("\\s+", " ").equals(labelOrName)
					|| (!this.name.isEmpty() && this.name.equals(labelOrName));
		}

	}

}
