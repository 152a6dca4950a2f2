package dev.flows.graph;

import java.util.Locale;
import java.util.Optional;

/** The text formats a {@link FlowGraph} renders to. */
public enum GraphFormat {

	/** A standalone SVG image: no script, no external reference. */
	SVG("image/svg+xml"),
	/** Graphviz DOT. */
	DOT("text/vnd.graphviz"),
	/** A Mermaid flowchart, with a subgraph per scaffold. */
	MERMAID("text/plain");

	private final String mediaType;

	GraphFormat(String mediaType) {
		this.mediaType = mediaType;
	}

	/** The media type to serve the format as, without a charset (the text is UTF-8). */
	public String mediaType() {
		return this.mediaType;
	}

	/** The format named {@code name} ({@code svg}, {@code dot}, {@code mermaid}). */
	public static Optional<GraphFormat> named(String name) {
		if (name == null) {
			return Optional.empty();
		}
		for (GraphFormat format : values()) {
			if (format.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

}
