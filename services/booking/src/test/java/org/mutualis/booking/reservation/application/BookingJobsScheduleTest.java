package org.mutualis.booking.reservation.application;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;

/** The four booking jobs run every minute, each at its own second, unless one schedule is set for all. */
class BookingJobsScheduleTest {

	@Test
	void eachJobRunsEveryMinuteAtItsOwnSecond() {
		List<String> crons = schedules(new StandardEnvironment());

		assertThat(crons).hasSize(4).doesNotHaveDuplicates();
		for (String cron : crons) {
			assertThat(CronExpression.isValidExpression(cron)).as(cron).isTrue();
			assertThat(cron).as("every minute").endsWith(" * * * * *");
		}
	}

	@Test
	void oneScheduleSetForAllIsUsedByAll() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("mutualis.booking.jobs.cron", "*/2 * * * * *")));

		assertThat(schedules(environment)).hasSize(4).containsOnly("*/2 * * * * *");
	}

	private static List<String> schedules(StandardEnvironment environment) {
		return Arrays.stream(BookingJobs.class.getDeclaredMethods())
			.map((method) -> method.getAnnotation(Scheduled.class))
			.filter((scheduled) -> scheduled != null)
			.map((scheduled) -> environment.resolveRequiredPlaceholders(scheduled.cron()))
			.toList();
	}

}
