package dev.flows.definition;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PositionTest {

	@Test
	void aPathParsesIntoItsNames() {
		Position position = Position.parse("get-user-account/forgot-password/enter-code");

		assertThat(position.names()).containsExactly("get-user-account", "forgot-password", "enter-code");
		assertThat(position.depth()).isEqualTo(3);
		assertThat(position.leaf()).isEqualTo("enter-code");
		assertThat(position).hasToString("get-user-account/forgot-password/enter-code");
	}

	@Test
	void leadingAndTrailingSlashesAndBlanksAreIgnored() {
		assertThat(Position.parse("/a/b/")).isEqualTo(Position.of("a", "b"));
		assertThat(Position.parse(" //a/b// ")).isEqualTo(Position.of("a", "b"));
	}

	@Test
	void blankPathsAreTheRoot() {
		assertThat(Position.parse(null)).isSameAs(Position.ROOT);
		assertThat(Position.parse("")).isSameAs(Position.ROOT);
		assertThat(Position.parse(" / ")).isSameAs(Position.ROOT);
		assertThat(Position.of()).isEqualTo(Position.ROOT);
		assertThat(Position.ROOT.isRoot()).isTrue();
		assertThat(Position.ROOT.depth()).isZero();
		assertThat(Position.ROOT.leaf()).isEmpty();
		assertThat(Position.ROOT).hasToString("");
	}

	@Test
	void positionsWithTheSameNamesAreEqual() {
		Position built = Position.ROOT.child("a").child("b");

		assertThat(built).isEqualTo(Position.of("a", "b")).isEqualTo(Position.parse("a/b"));
		assertThat(built.hashCode()).isEqualTo(Position.parse("a/b").hashCode());
		assertThat(built).isNotEqualTo(Position.of("b", "a")).isNotEqualTo(Position.of("a"));
		assertThat(built.parent().parent()).isEqualTo(Position.ROOT);
		assertThat(built.parent().parent().hashCode()).isEqualTo(Position.ROOT.hashCode());
	}

	@Test
	void childAndParentMoveOneLevel() {
		Position scaffold = Position.of("choose-payment");
		Position child = scaffold.child("use-saved-method");

		assertThat(child).hasToString("choose-payment/use-saved-method");
		assertThat(child.parent()).isEqualTo(scaffold);
		assertThat(scaffold).hasToString("choose-payment");
		assertThat(scaffold.parent().isRoot()).isTrue();
	}

	@Test
	void theRootHasNoParent() {
		assertThatIllegalStateException().isThrownBy(Position.ROOT::parent);
	}

	@Test
	void startsWithTellsAncestors() {
		Position deep = Position.parse("a/b/c");

		assertThat(deep.startsWith(Position.ROOT)).isTrue();
		assertThat(deep.startsWith(Position.parse("a"))).isTrue();
		assertThat(deep.startsWith(Position.parse("a/b"))).isTrue();
		assertThat(deep.startsWith(deep)).isTrue();
		assertThat(deep.startsWith(Position.parse("a/b/c/d"))).isFalse();
		assertThat(deep.startsWith(Position.parse("b"))).isFalse();
		assertThat(deep.startsWith(Position.parse("a/c"))).isFalse();
		assertThat(Position.parse("ab/c").startsWith(Position.parse("a"))).isFalse();
		assertThat(Position.parse("a/bc").startsWith(Position.parse("a/b"))).isFalse();
	}

	@Test
	void selfAndAncestorsGoesFromTheNodeUpToTheRoot() {
		assertThat(Position.parse("a/b/c").selfAndAncestors()).extracting(Position::toString)
			.containsExactly("a/b/c", "a/b", "a", "");
		assertThat(Position.ROOT.selfAndAncestors()).containsExactly(Position.ROOT);
	}

	@Test
	void positionsAreImmutable() {
		Position position = Position.of("a");
		position.child("b");

		assertThat(position).hasToString("a");
		assertThat(position.names()).isUnmodifiable();
		assertThat(Position.of("a").child("b").names()).isUnmodifiable();
	}

}
