package org.mutualis.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reading of parsed YAML trees (maps, lists and scalars), where an absent or mistyped node reads as empty.
 */
final class Yamls {

	private Yamls() {
	}

	/**
	 * @param node a node
	 * @return the node as a map with string keys, empty if it is not a map
	 */
	static Map<String, Object> map(Object node) {
		Map<String, Object> map = new LinkedHashMap<>();
		if (node instanceof Map<?, ?> entries) {
			entries.forEach((key, value) -> map.put(String.valueOf(key), value));
		}
		return map;
	}

	/**
	 * @param node a node
	 * @return the node as a list, empty if it is not a list
	 */
	static List<Object> list(Object node) {
		if (node instanceof List<?> items) {
			return List.copyOf(items.stream().map((item) -> (item == null) ? "" : item).toList());
		}
		return List.of();
	}

	/**
	 * @param node a scalar node
	 * @return its text, {@code ""} if absent or not a scalar
	 */
	static String text(Object node) {
		return (node == null || node instanceof Map || node instanceof List) ? "" : String.valueOf(node);
	}

	/**
	 * Follows a dotted path of map keys.
	 * @param node the starting node
	 * @param path keys separated by dots
	 * @return the node at the end of the path, {@code null} if any step is missing
	 */
	static Object at(Object node, String path) {
		Object current = node;
		for (String key : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	/**
	 * Flattens a tree into Spring-style property names ({@code a.b[0].c}); every map and list is also kept under its
	 * own name.
	 * @param prefix the name of the node
	 * @param node the node
	 * @param into where the names and values go
	 */
	static void flatten(String prefix, Object node, Map<String, Object> into) {
		if (node instanceof Map<?, ?> map) {
			if (!prefix.isEmpty()) {
				into.put(prefix, node);
			}
			map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, into));
		}
		else if (node instanceof List<?> items) {
			into.put(prefix, node);
			for (int i = 0; i < items.size(); i++) {
				flatten(prefix + "[" + i + "]", items.get(i), into);
			}
		}
		else {
			into.put(prefix, node);
		}
	}

}
