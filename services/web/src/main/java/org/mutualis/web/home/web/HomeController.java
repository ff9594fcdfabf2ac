package org.mutualis.web.home.web;

import java.text.ParseException;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Shows the home page, which says what Mutualis is and, once signed in, who is acting for which organisation. */
@Controller
class HomeController {

	private final OAuth2AuthorizedClientRepository clients;

	HomeController(OAuth2AuthorizedClientRepository clients) {
		this.clients = clients;
	}

	@GetMapping("/")
	String home(@Nullable Authentication authentication, HttpServletRequest request, Model model) {
		if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
			OAuth2AuthorizedClient client = this.clients.loadAuthorizedClient("mutualis", authentication, request);
			if (client != null) {
				model.addAttribute("signedIn", SignedInSession.of(user, client));
			}
		}
		return "home";
	}

	/** What the page shows of the signed-in person, read from the access token that identity issued to web. */
	record SignedInSession(String name, @Nullable String organisation, List<String> roles) {

		static SignedInSession of(OidcUser user, OAuth2AuthorizedClient client) {
			String name = (user.getFullName() != null) ? user.getFullName()
					: (user.getEmail() != null) ? user.getEmail() : user.getSubject();
			try {
				// received straight from identity's token endpoint over the back channel: reading is enough
				JWTClaimsSet claims = SignedJWT.parse(client.getAccessToken().getTokenValue()).getJWTClaimsSet();
				List<String> roles = claims.getStringListClaim("roles");
				return new SignedInSession(name, claims.getStringClaim("org"), (roles != null) ? roles : List.of());
			}
			catch (ParseException ex) {
				return new SignedInSession(name, null, List.of());
			}
		}

	}

}
