package dev.flows.definition;

import java.lang.reflect.Constructor;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/**
 * Supplies the instances behind classes named in definitions: custom {@link Transition}s
 * and {@link Precondition}s.
 */
@FunctionalInterface
public interface ComponentResolver {

	/** An instance of {@code type}. */
	<T> T resolve(Class<T> type);

	/** Creates each instance with the type's no-argument constructor. */
	static ComponentResolver reflective() {
		return new ComponentResolver() {
			@Override
			public <T> T resolve(Class<T> type) {
				try {
					Constructor<T> constructor = type.getDeclaredConstructor();
					return BeanUtils.instantiateClass(constructor);
				}
				catch (NoSuchMethodException ex) {
					throw new FlowDefinitionException(type.getName()
							+ " has no no-argument constructor; add one, or declare it as a Spring bean");
				}
			}
		};
	}

	/**
	 * Uses the unique bean of the type when there is one, and otherwise creates an
	 * autowired instance that is not registered as a bean.
	 */
	static ComponentResolver of(AutowireCapableBeanFactory beanFactory) {
		return new ComponentResolver() {
			@Override
			public <T> T resolve(Class<T> type) {
				return beanFactory.getBeanProvider(type).getIfUnique(() -> beanFactory.createBean(type));
			}
		};
	}

}
