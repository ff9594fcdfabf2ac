package org.mutualis.web.operations.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What the impact dashboard's charts draw (static/js/impact-charts.js reads it from a {@code data-chart} attribute):
 * for one breakdown of booking's impact figures (by month, MRC, kind or sector), the labels of its groups and the
 * chosen figure of each.
 */
final class ImpactCharts {

	/** The figures a chart can show, as booking names them. */
	static final List<String> MEASURES = List.of("staffHours", "equipmentDays", "spaceHours", "estimatedSavings",
			"borrowingOrganisations");

	/** The breakdowns of booking's answer, each charted. */
	static final List<String> BREAKDOWNS = List.of("byMonth", "byMrc", "byKind", "byBorrowerSector");

	private ImpactCharts() {
	}

	/**
	 * @param report booking's impact figures
	 * @param breakdown one of {@link #BREAKDOWNS}
	 * @param measure one of {@link #MEASURES}
	 * @param measureLabel the measure's name in the person's language
	 * @param label the person's words for a group's key (a month, a kind, an unknown sector)
	 * @return {@code {labels: [...], series: [{label, values: [...]}]}}
	 */
	static Map<String, Object> chart(Map<String, Object> report, String breakdown, String measure, String measureLabel,
			Function<@Nullable Object, String> label) {
		List<String> labels = new ArrayList<>();
		List<BigDecimal> values = new ArrayList<>();
		for (Map<?, ?> group : groups(report, breakdown)) {
			labels.add(label.apply(group.get("key")));
			values.add(figure(group, measure));
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", labels);
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("label", measureLabel);
		series.put("values", values);
		chart.put("series", List.of(series));
		return chart;
	}

	/**
	 * @param report booking's impact figures
	 * @param breakdown one of {@link #BREAKDOWNS}
	 * @return its groups ({@code {key, figures}}), in booking's order
	 */
	static List<Map<?, ?>> groups(Map<String, Object> report, String breakdown) {
		List<Map<?, ?>> groups = new ArrayList<>();
		if (report.get(breakdown) instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> group) {
					groups.add(group);
				}
			}
		}
		return groups;
	}

	private static BigDecimal figure(Map<?, ?> group, String measure) {
		if (group.get("figures") instanceof Map<?, ?> figures && figures.get(measure) != null) {
			try {
				return new BigDecimal(String.valueOf(figures.get(measure)));
			}
			catch (NumberFormatException ex) {
				return BigDecimal.ZERO;
			}
		}
		return BigDecimal.ZERO;
	}

}
