package org.mutualis.platform.production;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Runs {@link ProductionSafety} before any bean is created, so that a service never starts serving, or connects
 * anywhere, with settings the production profile refuses.
 */
class ProductionSafetyCheck implements BeanFactoryPostProcessor, EnvironmentAware {

	private Environment environment;

	ProductionSafetyCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		ProductionSafety.require(this.environment);
	}

}
