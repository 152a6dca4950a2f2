package dev.flows.test;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Forms read as a browser reads them: what each kind of control sends. */
class HtmlFormTests {

	@Test
	void controlsSendWhatABrowserSends() {
		HtmlForm form = single(
				"""
						<form method="post" action="/x?_id=1">
						  <input name="text" value="a &amp; b">
						  <input type="hidden" name="_v" value="3">
						  <input type="checkbox" name="box" checked>
						  <input type="checkbox" name="unchecked" value="no">
						  <input type="radio" name="pick" value="1"><input type="radio" name="pick" value="2" checked>
						  <select name="single"><option>first</option><option value="2">second</option></select>
						  <select name="chosen"><option value="1">one</option><option value="2" selected>two</option></select>
						  <select name="many" multiple><option selected>a</option><option>b</option><option selected>c</option></select>
						  <textarea name="note">line one
						line two</textarea>
						  <input name="off" value="x" disabled>
						  <input type="file" name="upload">
						  <input type="button" name="nothing" value="Click">
						  <button type="reset" name="reset">Reset</button>
						</form>""");

		assertThat(form.method()).isEqualTo("POST");
		assertThat(form.actionPath()).isEqualTo("/x");
		assertThat(form.data(Map.of(), null)).containsExactly(Map.entry("text", List.of("a & b")),
				Map.entry("_v", List.of("3")), Map.entry("box", List.of("on")), Map.entry("pick", List.of("2")),
				Map.entry("single", List.of("first")), Map.entry("chosen", List.of("2")),
				Map.entry("many", List.of("a", "c")), Map.entry("note", List.of("line one\nline two")));
		assertThat(form.fieldNames()).containsExactly("text", "_v", "box", "unchecked", "pick", "single", "chosen",
				"many", "note", "off");
		assertThat(form.buttons()).isEmpty();
	}

	@Test
	void filledValuesReplaceThePagesAndTheButtonPressedIsSent() {
		HtmlForm form = single("""
				<form method="post" action="/x">
				  <input name="text" value="old">
				  <input type="checkbox" name="topics" value="a" checked><input type="checkbox" name="topics" value="b">
				  <input name="off" value="x" disabled>
				  <button name="go" value="yes">Go <b>on</b></button>
				  <input type="submit" name="other" value="Other">
				</form>""");

		HtmlForm.Button go = form.buttons().get(0);
		assertThat(go.label()).isEqualTo("Go on");
		assertThat(go.matches("Go on")).isTrue();
		assertThat(go.matches("go")).as("by name").isTrue();
		assertThat(form.buttons().get(1).matches("Other")).isTrue();
		assertThat(form.data(Map.of("text", List.of("new"), "topics", List.of("b"), "off", List.of("y")), go))
			.containsExactly(Map.entry("text", List.of("new")), Map.entry("topics", List.of("b")),
					Map.entry("off", List.of("y")), Map.entry("go", List.of("yes")));
		assertThat(form.data(Map.of("topics", List.of()), null)).containsExactly(Map.entry("text", List.of("old")),
				Map.entry("topics", List.of()));
	}

	@Test
	void aFormWithoutActionOrMethodIsAGetOfThePage() {
		HtmlForm form = single("<form><input name=\"q\"></form>");

		assertThat(form.method()).isEqualTo("GET");
		assertThat(form.action()).isEqualTo("/page?a=1");
		assertThat(form.hasVisibleField()).isTrue();
	}

	@Test
	void theActionsPathLeavesOutQueryFragmentAndHost() {
		assertThat(new HtmlForm("POST", "/buy/item?_id=x#top", List.of(), List.of()).actionPath())
			.isEqualTo("/buy/item");
		assertThat(new HtmlForm("POST", "http://localhost:8080/buy/a b|c", List.of(), List.of()).actionPath())
			.isEqualTo("/buy/a b|c");
		assertThat(new HtmlForm("POST", "http://localhost", List.of(), List.of()).actionPath()).isEqualTo("/");
	}

	private static HtmlForm single(String html) {
		List<HtmlForm> forms = HtmlForm.parse("<html><body>" + html + "</body></html>", "/page?a=1");
		assertThat(forms).hasSize(1);
		return forms.get(0);
	}

}
