package org.mutualis.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Shows the home page, which says what Mutualis is, in the visitor's language. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}

}
