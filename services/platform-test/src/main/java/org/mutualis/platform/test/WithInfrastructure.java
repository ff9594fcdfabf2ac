package org.mutualis.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * Gives a Spring test the shared Kafka and MongoDB of {@link TestInfrastructure}, and a fresh database and
 * consumer group. Put it beside {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public @interface WithInfrastructure {
}
