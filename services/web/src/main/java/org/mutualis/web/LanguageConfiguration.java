package org.mutualis.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Pages speak French (Québec) unless the visitor asks for English, by {@code ?lang=en} (remembered in a cookie) or by
 * the browser's language. Only these two are ever chosen: a header, parameter or cookie naming another language, or
 * not readable as one ({@code en;q=abc}, {@code fr"}), is ignored, never an error page.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("mutualis-lang") {
			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				Locale chosen;
				try {
					chosen = super.resolveLocale(request);
				}
				catch (IllegalArgumentException | IllegalStateException ex) {
					chosen = fromHeader(request);
				}
				Locale supported = supported(chosen.toLanguageTag());
				return (supported != null) ? supported : fromHeader(request);
			}
		};
		// a cookie that is not a language (set by something else on the host) is ignored, not an error on every page
		resolver.setRejectInvalidCookies(false);
		resolver.setDefaultLocaleFunction(LanguageConfiguration::fromHeader);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String asked = request.getParameter("lang");
				Locale locale = (asked != null) ? supported(asked) : null;
				LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
				if (locale != null && resolver != null) {
					resolver.setLocale(request, response, locale);
				}
				return true;
			}
		});
	}

	/** The browser's language when it is English, French otherwise (also when the header cannot be read). */
	static Locale fromHeader(HttpServletRequest request) {
		// the header itself, not request.getLocale(): without a header the container answers its own default
		String header = request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return Locale.CANADA_FRENCH;
		}
		try {
			Locale best = Locale.lookup(Locale.LanguageRange.parse(header), supported());
			return (best != null && "en".equals(best.getLanguage())) ? Locale.ENGLISH : Locale.CANADA_FRENCH;
		}
		catch (IllegalArgumentException ex) {
			return Locale.CANADA_FRENCH;
		}
	}

	/** The supported language a tag names ({@code en}, {@code en-CA}, {@code fr}, {@code fr-CA}…), if any. */
	static @Nullable Locale supported(String tag) {
		String language = tag.strip().replace('_', '-').split("-", 2)[0].toLowerCase(Locale.ROOT);
		return switch (language) {
			case "en" -> Locale.ENGLISH;
			case "fr" -> Locale.CANADA_FRENCH;
			default -> null;
		};
	}

	static List<Locale> supported() {
		return List.of(Locale.CANADA_FRENCH, Locale.ENGLISH);
	}

}
