package dev.flows.definition;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Every flow of the application, by id and by path. Building it validates each flow and
 * that no two share an id or a path, and that none is mounted inside another's path.
 */
public final class FlowRegistry {

	private final Map<String, FlowDefinition> byId = new LinkedHashMap<>();

	private final Map<String, FlowDefinition> byPath = new LinkedHashMap<>();

	/**
	 * @throws FlowDefinitionException if two flows share an id or a path, or one is
	 * mounted inside another's path
	 */
	public FlowRegistry(Collection<FlowDefinition> flows) {
		for (FlowDefinition flow : flows) {
			FlowDefinition samePath = this.byPath.putIfAbsent(flow.path(), flow);
			if (samePath != null) {
				throw new FlowDefinitionException(describe(samePath) + " and " + describe(flow)
						+ " are both mounted at " + flow.path() + "; give one of them another @Flow(path)");
			}
			for (FlowDefinition other : this.byPath.values()) {
				if (other != flow
						&& (flow.path().startsWith(other.path() + "/") || other.path().startsWith(flow.path() + "/"))) {
					FlowDefinition outer = (flow.path().length() < other.path().length()) ? flow : other;
					FlowDefinition inner = (outer == flow) ? other : flow;
					throw new FlowDefinitionException(describe(inner) + " is mounted at " + inner.path() + ", inside "
							+ describe(outer) + " at " + outer.path() + ", whose steps own every path below it; "
							+ "mount one of them elsewhere with @Flow(path)");
				}
			}
			FlowDefinition sameId = this.byId.putIfAbsent(flow.id(), flow);
			if (sameId != null) {
				throw new FlowDefinitionException(describe(sameId) + " and " + describe(flow) + " are both named '"
						+ flow.id() + "'; give one of them another @Flow(name)");
			}
		}
	}

	/**
	 * Every {@link Flow}-annotated bean of {@code beanFactory}, plus {@code builtFlows}
	 * (flows built in code, typically {@link FlowDefinition} beans). Custom transitions
	 * and preconditions are beans of the factory, or autowired instances of their
	 * classes.
	 */
	public static FlowRegistry fromBeans(ListableBeanFactory beanFactory, Collection<FlowDefinition> builtFlows) {
		List<FlowDefinition> flows = new java.util.ArrayList<>(readAnnotatedBeans(beanFactory));
		flows.addAll(builtFlows);
		return new FlowRegistry(flows);
	}

	private static List<FlowDefinition> readAnnotatedBeans(ListableBeanFactory beanFactory) {
		ComponentResolver resolver = (beanFactory instanceof AutowireCapableBeanFactory autowiring)
				? ComponentResolver.of(autowiring) : ComponentResolver.reflective();
		List<FlowDefinition> flows = beanFactory.getBeansWithAnnotation(Flow.class)
			.values()
			.stream()
			.map((bean) -> FlowBuilder.fromAnnotatedClass(ClassUtils.getUserClass(bean)).build(resolver))
			.toList();
		return flows;
	}

	/** The flow with {@code id}. */
	public Optional<FlowDefinition> byId(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	/** The flow mounted at {@code path}. */
	public Optional<FlowDefinition> byPath(String path) {
		return Optional.ofNullable(this.byPath.get(path));
	}

	/** Every flow, in registration order. */
	public Collection<FlowDefinition> flows() {
		return Collections.unmodifiableCollection(this.byId.values());
	}

	private static String describe(FlowDefinition flow) {
		return (flow.type() != null) ? flow.type().getName() : "Flow '" + flow.id() + "'";
	}

}
