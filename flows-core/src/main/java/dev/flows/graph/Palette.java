package dev.flows.graph;

/** The colours every renderer uses, so that the three formats look alike. */
final class Palette {

	static final String LINE = "#334155";

	static final String TEXT = "#0f172a";

	static final String MUTED = "#475569";

	static final String ACTION_FILL = "#ffffff";

	static final String CURRENT_FILL = "#fde68a";

	static final String CURRENT_LINE = "#b45309";

	static final String VISITED_FILL = "#dcfce7";

	static final String TAKEN = "#15803d";

	private static final String[] SCAFFOLD_FILLS = { "#f8fafc", "#eef2ff", "#f0f9ff", "#fdf4ff" };

	private Palette() {
	}

	/** Nested scaffolds alternate shades, so that each box stands out from its parent. */
	static String scaffoldFill(int depth) {
		return SCAFFOLD_FILLS[depth % SCAFFOLD_FILLS.length];
	}

}
