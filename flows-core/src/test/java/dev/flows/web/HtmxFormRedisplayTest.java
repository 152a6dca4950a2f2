package dev.flows.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which element a form shown again under htmx is swapped over: the one with the id of the
 * form fragment's first element.
 */
class HtmxFormRedisplayTest {

	@Test
	void theFirstElementsIdNamesTheElementToSwap() {
		assertThat(HtmxFormRedisplay.firstElementId("<form id=\"step-form\" method=\"post\"><input id=\"x\"></form>"))
			.isEqualTo("step-form");
		assertThat(HtmxFormRedisplay.firstElementId("<form method='post' id='card-form'>")).isEqualTo("card-form");
	}

	@Test
	void whitespaceAndCommentsBeforeTheFirstElementAreSkipped() {
		assertThat(HtmxFormRedisplay.firstElementId("\n  <!-- the form -->\n<form\n id=\"step-form\">"))
			.isEqualTo("step-form");
	}

	@Test
	void anIdFurtherInDoesNotCount() {
		assertThat(HtmxFormRedisplay.firstElementId("<div class=\"card\"><form id=\"step-form\">")).isNull();
		assertThat(HtmxFormRedisplay.firstElementId("<form data-id=\"x\" hx-vals='{\"id\": 1}'>")).isNull();
	}

	@Test
	void nothingRenderedHasNoId() {
		assertThat(HtmxFormRedisplay.firstElementId("")).isNull();
		assertThat(HtmxFormRedisplay.firstElementId("  \n ")).isNull();
		assertThat(HtmxFormRedisplay.firstElementId("just text")).isNull();
	}

	@Test
	void anIdThatASelectorCannotNameAsItStandsIsNotUsed() {
		assertThat(HtmxFormRedisplay.firstElementId("<form id=\"step:form\">")).isNull();
		assertThat(HtmxFormRedisplay.firstElementId("<form id=\"1st\">")).isNull();
	}

}
