package org.mutualis.platform.scheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on {@code @Scheduled} jobs for a service that sets {@code mutualis.scheduling.enabled=true}, each guarded by
 * a ShedLock lock in the service's own database (collection {@value #LOCK_COLLECTION}): with several instances,
 * only one executes each run. A job opts in with {@code @SchedulerLock(name = ..., lockAtLeastFor = ...)}; choose
 * {@code lockAtLeastFor} a little below the job's period, so that instances whose clocks differ slightly do not
 * run the same tick twice.
 */
@AutoConfiguration(after = org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration.class)
@ConditionalOnProperty(name = "mutualis.scheduling.enabled", havingValue = "true")
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
public class SchedulingAutoConfiguration {

	/** Collection holding one lock document per job name. */
	public static final String LOCK_COLLECTION = "shedlock";

	@Bean
	@ConditionalOnMissingBean
	LockProvider lockProvider(MongoTemplate mongo) {
		return new MongoLockProvider(mongo.getCollection(LOCK_COLLECTION));
	}

}
