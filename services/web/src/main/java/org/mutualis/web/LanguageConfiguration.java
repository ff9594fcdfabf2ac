package org.mutualis.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Pages speak French (Québec) unless the visitor asks for English, by {@code ?lang=en} (remembered in a cookie) or by the browser's language. */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("mutualis-lang");
		resolver.setDefaultLocaleFunction((request) -> {
			// the header itself, not request.getLocale(): without a header the container answers its own default
			String header = request.getHeader("Accept-Language");
			if (header == null || header.isBlank()) {
				return Locale.CANADA_FRENCH;
			}
			List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
			Locale best = Locale.lookup(ranges, supported());
			return (best != null && "en".equals(best.getLanguage())) ? Locale.ENGLISH : Locale.CANADA_FRENCH;
		});
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		registry.addInterceptor(interceptor);
	}

	static List<Locale> supported() {
		return List.of(Locale.CANADA_FRENCH, Locale.ENGLISH);
	}

}
