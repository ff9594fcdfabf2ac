package org.mutualis.booking.impact.web;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HoursDisplayTest {

	@Test
	void hoursAreSummedExactlyAndShownToTheHundredth() {
		// 140 minutes arrive as the JSON number 2.3333333333333335
		BigDecimal sum = new BigDecimal("2.3333333333333335").add(new BigDecimal("1.5"));
		assertThat(ImpactController.hours(sum)).isEqualTo("3.83");
		assertThat(ImpactController.hours(new BigDecimal("4.000"))).isEqualTo("4");
		assertThat(ImpactController.hours(BigDecimal.ZERO)).isEqualTo("0");
	}

}
