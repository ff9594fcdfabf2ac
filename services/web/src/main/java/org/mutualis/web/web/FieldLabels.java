package org.mutualis.web.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words of a field a service names in a refusal, for the refusal's summary ({@code ${@labels.of(key)}}): the
 * form's label ({@code field.<path>} in the bundles), a row of a list by its number ({@code availability.weekly[1].to}
 * is "Heures d'ouverture, ligne 2"), or the nearest enclosing field's label; never the service's raw path when the
 * bundles know a part of it.
 */
@Component("labels")
public class FieldLabels {

	private static final Pattern ROW = Pattern.compile("([\\w.]+)\\[(\\d+)].*");

	private final MessageSource messages;

	FieldLabels(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @param field a field's path as a service names it
	 * @return its label in the person's language
	 */
	public String of(String field) {
		String label = label(field);
		if (label != null) {
			return label;
		}
		Matcher row = ROW.matcher(field);
		if (row.matches()) {
			String list = label(row.group(1));
			if (list != null) {
				return message("field.row", list, Integer.parseInt(row.group(2)) + 1);
			}
		}
		String path = field;
		while (path.contains(".")) {
			path = path.substring(0, path.lastIndexOf('.'));
			String enclosing = label(path);
			if (enclosing != null) {
				return enclosing;
			}
		}
		return field;
	}

	private @Nullable String label(String path) {
		try {
			return message("field." + path);
		}
		catch (NoSuchMessageException ex) {
			return null;
		}
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
