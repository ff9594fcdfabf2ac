package org.mutualis.web.home.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Shows the home page, which says in plain words what Mutualis is and how it works. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}

}
