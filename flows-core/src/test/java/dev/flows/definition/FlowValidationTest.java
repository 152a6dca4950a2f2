package dev.flows.definition;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Startup validation: one test per message of FlowValidator, ActionBuilder,
 * ScaffoldBuilder, FlowBuilder, ComponentResolver and FlowRegistry. Each message names
 * the offending class and says what to do.
 */
class FlowValidationTest {

	// --- FlowValidator ---

	@ParameterizedTest
	@ValueSource(strings = { "buy", "/", "", "/buy/", "//buy", "/b uy", "/buy?x=1", "/buy#top", "/bü", "/buy/../admin",
			"/..", "/./buy" })
	void aFlowPathThatIsNotASimpleLocalPathIsRejected(String path) {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.flow("odd", path).action(Step.class).build())
			.withMessageContaining("Flow 'odd'")
			.withMessageContaining("has path '" + path + "'")
			.withMessageContaining("use a path such as /buy");
	}

	@Test
	void anAnnotatedFlowWithAnInvalidPathIsNamedByItsClass() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.fromAnnotatedClass(BadPath.class).build())
			.withMessageContaining(BadPath.class.getName())
			.withMessageContaining("has path 'buy'")
			.withMessageContaining("use a path such as /buy");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/buy", "/account/close", "/a.b/c_d/e-f/v2" })
	void simpleLocalPathsAreAccepted(String path) {
		assertThatNoException().isThrownBy(() -> FlowBuilder.flow("fine", path).action(Step.class).build());
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil.example",
			"/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\0/evil.example", "evil.example",
			"javascript:alert(1)", "" })
	void aCancelUrlThatIsNotALocalPathIsRejected(String cancelUrl) {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.fromAnnotatedClass(Valid.class).cancelUrl(cancelUrl).build())
			.withMessageContaining(Valid.class.getName())
			.withMessageContaining("has cancelUrl")
			.withMessageContaining("use a local path starting with a single '/'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "redirect:https://evil.example/", "redirect://evil.example", "redirect:/\\evil.example",
			"redirect:/\t/evil.example", "redirect:evil.example", "redirect:" })
	void anOnCompleteRedirectThatIsNotALocalPathIsRejected(String onComplete) {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.fromAnnotatedClass(Valid.class).onComplete(onComplete).build())
			.withMessageContaining(Valid.class.getName())
			.withMessageContaining("has onComplete")
			.withMessageContaining("redirect only to a local path such as redirect:/orders");
	}

	@Test
	void anOpenRedirectDeclaredInTheAnnotationIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.fromAnnotatedClass(OpenRedirect.class).build())
			.withMessageContaining(OpenRedirect.class.getName())
			.withMessageContaining("redirect only to a local path");
	}

	@Test
	void localCancelUrlsAndCompletionsAreAccepted() {
		FlowDefinition flow = FlowBuilder.fromAnnotatedClass(Valid.class)
			.cancelUrl("/shop?from=buy")
			.onComplete("redirect:/orders/latest")
			.build();

		assertThat(flow.cancelUrl()).isEqualTo("/shop?from=buy");
		assertThat(flow.completesWithRedirect()).isTrue();
		assertThat(flow.completionRedirectPath()).isEqualTo("/orders/latest");
	}

	@Test
	void aBlankOnCompleteIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.fromAnnotatedClass(Valid.class).onComplete(" ").build())
			.withMessageContaining(Valid.class.getName())
			.withMessageContaining("has no onComplete; give a view name or redirect:/path");
	}

	@Test
	void aBlankFlowIdIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.flow(" ", "/buy").action(Step.class).build())
			.withMessageContaining("/buy")
			.withMessageContaining("give it an id");
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.flow(null, "/buy").action(Step.class).build())
			.withMessageContaining("give it an id");
	}

	@Test
	void aNodeNameThatCannotAppearInAUrlIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.flow("names", "/names").action(ReservedName.class).build())
			.withMessageContaining(ReservedName.class.getName())
			.withMessageContaining("has the name '_back'")
			.withMessageContaining("use letters, digits");
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(
					() -> FlowBuilder.flow("names", "/names").action(Step.class, (step) -> step.name("a/b")).build())
			.withMessageContaining("has the name 'a/b'");
		assertThatExceptionOfType(FlowDefinitionException.class).isThrownBy(
				() -> FlowBuilder.flow("names", "/names").scaffold("two words", (s) -> s.action(Step.class)).build())
			.withMessageContaining("Scaffold 'two words'");
	}

	@Test
	void twoSiblingsWithTheSameNameAreRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.fromAnnotatedClass(Twins.class).build())
			.withMessageContaining(Twins.class.getName() + " has two children named 'step'")
			.withMessageContaining(Step.class.getName())
			.withMessageContaining(AlsoCalledStep.class.getName())
			.withMessageContaining("give one of them another name in its annotation");
	}

	@Test
	void twoSiblingsWithTheSameNameInANestedScaffoldAreRejectedNamingTheScaffold() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.flow("nested", "/nested").scaffold(TwinBox.class).build())
			.withMessageContaining(TwinBox.class.getName() + " has two children named 'step'");
	}

	@Test
	void theSameNameInDifferentScaffoldsIsFine() {
		FlowDefinition flow = FlowBuilder.flow("cousins", "/cousins")
			.action(Step.class)
			.scaffold("box", (box) -> box.action(Step.class))
			.build();

		assertThat(flow.positions()).extracting(Position::toString).containsExactly("", "step", "box", "box/step");
	}

	@Test
	void aGoToTargetThatIsNotInTheFlowIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(
					() -> FlowBuilder.flow("targets", "/targets").action(PointsAway.class).action(Step.class).build())
			.withMessageContaining("Action " + PointsAway.class.getName())
			.withMessageContaining("declares goTo target " + Stranger.class.getName())
			.withMessageContaining("does not exist")
			.withMessageContaining("add it to a scaffold enclosing the action, or remove it from targets");
	}

	@Test
	void aGoToTargetThatIsNotAChildOfAnEnclosingScaffoldIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.flow("targets", "/targets")
				.action(PointsIn.class)
				.scaffold("box", (box) -> box.action(Step.class).action(Stranger.class))
				.build())
			.withMessageContaining("Action " + PointsIn.class.getName())
			.withMessageContaining("declares goTo target " + Stranger.class.getName())
			.withMessageContaining("not reachable")
			.withMessageContaining("move it there or remove it");
	}

	@Test
	void requiresStateOtherwiseNamingAStepOutsideTheFlowIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(
					() -> FlowBuilder.flow("state", "/state").action(Step.class).action(NeedsStranger.class).build())
			.withMessageContaining(NeedsStranger.class.getName())
			.withMessageContaining("@RequiresState(otherwise = " + Stranger.class.getName() + ")")
			.withMessageContaining("name an action of this flow");
	}

	@Test
	void requiresStateOtherwiseOnAScaffoldIsValidatedToo() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.flow("state", "/state").scaffold(GuardedBox.class).build())
			.withMessageContaining(GuardedBox.class.getName())
			.withMessageContaining("name an action of this flow");
	}

	@Test
	void requiresStateOtherwiseOnTheFlowItselfIsValidatedToo() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.fromAnnotatedClass(GuardedFlow.class).build())
			.withMessageContaining(GuardedFlow.class.getName())
			.withMessageContaining("@RequiresState(otherwise = " + Stranger.class.getName() + ")")
			.withMessageContaining("name an action of this flow");
	}

	@Test
	void requiresStateOtherwiseNamingAStepOfTheFlowIsAccepted() {
		FlowDefinition flow = FlowBuilder.flow("state", "/state")
			.action(Stranger.class)
			.action(NeedsStranger.class)
			.build();

		assertThat(flow.action(Position.of("needs-stranger")).orElseThrow().preconditions()).singleElement()
			.isInstanceOfSatisfying(RequiredStatePrecondition.class,
					(required) -> assertThat(required.otherwise()).isEqualTo(Stranger.class));
	}

	// --- ActionBuilder ---

	@Test
	void anActionWithoutAnOnGetMethodIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.flow("handlers", "/handlers").action(NoGet.class).build())
			.withMessageContaining("Action " + NoGet.class.getName() + " has no @OnGet method")
			.withMessageContaining("add one that renders the step and returns its view name");
	}

	@Test
	void anActionWithTwoOnGetMethodsIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.flow("handlers", "/handlers").action(TwoGets.class).build())
			.withMessageContaining("Action " + TwoGets.class.getName() + " has 2 @OnGet methods")
			.withMessageContaining("show")
			.withMessageContaining("render")
			.withMessageContaining("keep exactly one");
	}

	@Test
	void anActionWithTwoOnPostMethodsIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.flow("handlers", "/handlers").action(TwoPosts.class).build())
			.withMessageContaining("Action " + TwoPosts.class.getName() + " has 2 @OnPost methods")
			.withMessageContaining("keep exactly one");
	}

	@Test
	void anOnGetMethodInheritedFromASuperclassCounts() {
		FlowDefinition flow = FlowBuilder.flow("inherit", "/inherit").action(InheritsGet.class).build();

		assertThat(flow.action(Position.of("inherits-get")).orElseThrow().getHandler().getName()).isEqualTo("show");
	}

	// --- ScaffoldBuilder ---

	@Test
	void aScaffoldClassWithoutScaffoldAnnotationIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.flow("scaffolds", "/scaffolds").scaffold(Step.class).build())
			.withMessageContaining(Step.class.getName() + " is used as a scaffold but is not annotated with @Scaffold");
	}

	@Test
	void aChildThatIsNeitherAnActionNorAScaffoldIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.fromAnnotatedClass(PlainChild.class))
			.withMessageContaining(Plain.class.getName() + " is listed as a child of " + PlainChild.class.getName())
			.withMessageContaining("neither a @FlowAction nor a @Scaffold; annotate it with one of them");
	}

	@Test
	void aPlainChildOfANestedScaffoldIsRejectedNamingTheScaffold() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.flow("plain", "/plain").scaffold(PlainBox.class).build())
			.withMessageContaining(Plain.class.getName() + " is listed as a child of " + PlainBox.class.getName());
	}

	@Test
	void anEmptyScaffoldIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.flow("empty", "/empty").action(Step.class).scaffold(EmptyBox.class).build())
			.withMessageContaining("Scaffold " + EmptyBox.class.getName() + " has no children")
			.withMessageContaining("list at least one action or scaffold in it");
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.flow("empty", "/empty").action(Step.class).scaffold("hollow", (s) -> {
			}).build())
			.withMessageContaining("Scaffold 'hollow' has no children");
	}

	@Test
	void aFlowWithoutStepsIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.fromAnnotatedClass(NoSteps.class).build())
			.withMessageContaining(NoSteps.class.getName() + " has no children");
	}

	@Test
	void aScaffoldContainingItselfIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.flow("cycle", "/cycle").scaffold(Mirror.class).build())
			.withMessageContaining("Scaffold " + Mirror.class.getName() + " contains itself (Mirror -> Mirror)")
			.withMessageContaining("remove it from the children of " + Mirror.class.getName());
	}

	@Test
	void aScaffoldContainingItselfThroughAnotherIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.flow("cycle", "/cycle").action(Step.class).scaffold(Ping.class).build())
			.withMessageContaining("Scaffold " + Ping.class.getName() + " contains itself (Ping -> Pong -> Ping)")
			.withMessageContaining("remove it from the children of " + Pong.class.getName());
	}

	@Test
	void aScaffoldUsedTwiceSideBySideIsNoCycle() {
		FlowDefinition flow = FlowBuilder.flow("reuse", "/reuse")
			.scaffold(StepBox.class)
			.scaffold("again", (again) -> again.scaffold(StepBox.class))
			.build();

		assertThat(flow.positionsOf(StepBox.class)).extracting(Position::toString)
			.containsExactly("step-box", "again/step-box");
		assertThat(flow.positionsOf(Step.class)).hasSize(2);
	}

	// --- FlowBuilder and ComponentResolver ---

	@Test
	void aClassWithoutFlowAnnotationIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.fromAnnotatedClass(Step.class))
			.withMessageContaining(Step.class.getName() + " is not annotated with @Flow");
	}

	@Test
	void aCustomTransitionWithoutNoArgumentConstructorIsRejected() {
		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> FlowBuilder.flow("needs", "/needs").scaffold(NeedsBean.class).build())
			.withMessageContaining(ConfiguredTransition.class.getName() + " has no no-argument constructor")
			.withMessageContaining("add one, or declare it as a Spring bean");
	}

	// --- FlowRegistry ---

	@Test
	void twoFlowsOnOnePathAreRejected() {
		FlowDefinition first = FlowBuilder.fromAnnotatedClass(Valid.class).build();
		FlowDefinition second = FlowBuilder.fromAnnotatedClass(SamePath.class).build();

		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> new FlowRegistry(List.of(first, second)))
			.withMessageContaining(
					Valid.class.getName() + " and " + SamePath.class.getName() + " are both mounted at /valid")
			.withMessageContaining("give one of them another @Flow(path)");
	}

	@Test
	void twoFlowsWithOneIdAreRejected() {
		FlowDefinition first = FlowBuilder.fromAnnotatedClass(Valid.class).build();
		FlowDefinition second = FlowBuilder.fromAnnotatedClass(SameName.class).build();

		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> new FlowRegistry(List.of(first, second)))
			.withMessageContaining(
					Valid.class.getName() + " and " + SameName.class.getName() + " are both named 'valid'")
			.withMessageContaining("give one of them another @Flow(name)");
	}

	@Test
	void aFlowMountedInsideAnotherFlowsPathIsRejectedNamingBoth() {
		FlowDefinition outer = FlowBuilder.flow("outer", "/a").action(Step.class).build();
		FlowDefinition inner = FlowBuilder.flow("inner", "/a/b").action(Step.class).build();

		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> new FlowRegistry(List.of(inner, outer)))
			.withMessageContaining("Flow 'inner' is mounted at /a/b, inside Flow 'outer' at /a")
			.withMessageContaining("mount one of them elsewhere");
	}

	@Test
	void anAnnotatedFlowMountedInsideAnotherIsRejectedNamingBothClasses() {
		FlowDefinition outer = FlowBuilder.fromAnnotatedClass(Valid.class).build();
		FlowDefinition inner = FlowBuilder.fromAnnotatedClass(InsideValid.class).build();

		// whichever the registry meets first
		for (List<FlowDefinition> order : List.of(List.of(outer, inner), List.of(inner, outer))) {
			assertThatExceptionOfType(FlowDefinitionException.class).isThrownBy(() -> new FlowRegistry(order))
				.withMessageContaining(InsideValid.class.getName() + " is mounted at /valid/inner, inside "
						+ Valid.class.getName() + " at /valid")
				.withMessageContaining("mount one of them elsewhere with @Flow(path)");
		}
	}

	@Test
	void flowsWhosePathsOnlyShareAPrefixAreAccepted() {
		FlowDefinition first = FlowBuilder.flow("buy", "/buy").action(Step.class).build();
		FlowDefinition second = FlowBuilder.flow("buyer", "/buyer").action(Step.class).build();

		assertThat(new FlowRegistry(List.of(first, second)).flows()).hasSize(2);
	}

	@Test
	void flowsBuiltInCodeAreNamedByTheirIdInRegistryMessages() {
		FlowDefinition first = FlowBuilder.flow("one", "/same").action(Step.class).build();
		FlowDefinition second = FlowBuilder.flow("two", "/same").action(Step.class).build();

		assertThatExceptionOfType(FlowDefinitionException.class)
			.isThrownBy(() -> new FlowRegistry(List.of(first, second)))
			.withMessageContaining("Flow 'one' and Flow 'two' are both mounted at /same");
	}

	// --- fixtures ---

	@FlowAction
	static class Step {

		@OnGet
		String show() {
			return "step";
		}

	}

	@FlowAction(name = "step")
	static class AlsoCalledStep {

		@OnGet
		String show() {
			return "step";
		}

	}

	@FlowAction
	static class Stranger {

		@OnGet
		String show() {
			return "stranger";
		}

	}

	@FlowAction(name = "_back")
	static class ReservedName {

		@OnGet
		String show() {
			return "reserved";
		}

	}

	@FlowAction(targets = Stranger.class)
	static class PointsAway {

		@OnGet
		String show() {
			return "away";
		}

	}

	@FlowAction(targets = Stranger.class)
	static class PointsIn {

		@OnGet
		String show() {
			return "in";
		}

	}

	@FlowAction
	@RequiresState(value = "token", otherwise = Stranger.class)
	static class NeedsStranger {

		@OnGet
		String show() {
			return "needs";
		}

	}

	@Scaffold(children = Step.class)
	@RequiresState(value = "token", otherwise = Stranger.class)
	static class GuardedBox {

	}

	@Flow(path = "/guarded", children = Step.class)
	@RequiresState(value = "token", otherwise = Stranger.class)
	static class GuardedFlow {

	}

	@FlowAction
	static class NoGet {

		@OnPost
		String submit() {
			return "done";
		}

	}

	@FlowAction
	static class TwoGets {

		@OnGet
		String show() {
			return "a";
		}

		@OnGet
		String render() {
			return "b";
		}

	}

	@FlowAction
	static class TwoPosts {

		@OnGet
		String show() {
			return "a";
		}

		@OnPost
		String save() {
			return "b";
		}

		@OnPost
		String submit() {
			return "c";
		}

	}

	static class GetBase {

		@OnGet
		String show() {
			return "base";
		}

	}

	@FlowAction
	static class InheritsGet extends GetBase {

	}

	static class Plain {

	}

	@Flow(path = "/plain", children = { Step.class, Plain.class })
	static class PlainChild {

	}

	@Scaffold(children = { Step.class, Plain.class })
	static class PlainBox {

	}

	@Scaffold(children = {})
	static class EmptyBox {

	}

	@Flow(path = "/nothing", children = {})
	static class NoSteps {

	}

	@Scaffold(children = { Step.class, Mirror.class })
	static class Mirror {

	}

	@Scaffold(children = { Step.class, Pong.class })
	static class Ping {

	}

	@Scaffold(children = { Stranger.class, Ping.class })
	static class Pong {

	}

	@Scaffold(children = Step.class)
	static class StepBox {

	}

	@Scaffold(children = { Step.class, AlsoCalledStep.class })
	static class TwinBox {

	}

	@Flow(path = "/twins", children = { Step.class, AlsoCalledStep.class })
	static class Twins {

	}

	@Scaffold(children = Step.class, transition = ConfiguredTransition.class)
	static class NeedsBean {

	}

	static class ConfiguredTransition extends DelegatingTransition {

		ConfiguredTransition(Transition delegate) {
			super(delegate);
		}

	}

	static class DelegatingTransition implements Transition {

		private final Transition delegate;

		DelegatingTransition(Transition delegate) {
			this.delegate = delegate;
		}

		@Override
		public java.util.Optional<NodeDefinition> nextChild(ScaffoldDefinition scaffold, NodeDefinition completed,
				FlowContext context) {
			return this.delegate.nextChild(scaffold, completed, context);
		}

	}

	@Flow(path = "/valid", children = Step.class)
	static class Valid {

	}

	@Flow(path = "/valid", name = "elsewhere", children = Step.class)
	static class SamePath {

	}

	@Flow(path = "/other", name = "valid", children = Step.class)
	static class SameName {

	}

	@Flow(path = "/valid/inner", name = "inside", children = Step.class)
	static class InsideValid {

	}

	@Flow(path = "buy", children = Step.class)
	static class BadPath {

	}

	@Flow(path = "/open", children = Step.class, onComplete = "redirect:https://evil.example/phish")
	static class OpenRedirect {

	}

}
