package org.mutualis.web.admin.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.mutualis.web.web.ServiceCalls;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform's administrators: listed with a way to revoke each, and granted from an organisation's member list
 * (identity looks people up by id, not by address). Identity decides who may and refuses leaving none.
 */
@Controller
class AdministratorsController {

	private static final String PAGE = "/admin/administrateurs";

	private final ServiceCalls services;

	AdministratorsController(ServiceCalls services) {
		this.services = services;
	}

	@GetMapping(PAGE)
	String administrators(@RequestParam(name = "organisation", required = false) @Nullable String organisation,
			Model model) {
		model.addAttribute("administrators", this.services.list(Service.IDENTITY, "/api/identity/admin/administrators"));
		model.addAttribute("organisations",
				this.services.list(Service.IDENTITY, "/api/identity/admin/organisations?size=100"));
		model.addAttribute("chosen", organisation);
		List<Map<String, Object>> members = (organisation != null) ? this.services.list(Service.IDENTITY,
				"/api/identity/organisations/" + safe(organisation) + "/members?size=100") : List.of();
		model.addAttribute("members", members);
		return "admin-administrators";
	}

	@PostMapping(PAGE + "/{personId}/nommer")
	String grant(@PathVariable String personId,
			@RequestParam(name = "organisation", required = false) @Nullable String organisation,
			RedirectAttributes redirect) {
		String back = (organisation != null) ? PAGE + "?organisation=" + safe(organisation) : PAGE;
		return act(HttpMethod.PUT, personId, "admins.done.granted", back, redirect);
	}

	@PostMapping(PAGE + "/{personId}/retirer")
	String revoke(@PathVariable String personId, RedirectAttributes redirect) {
		return act(HttpMethod.DELETE, personId, "admins.done.revoked", PAGE, redirect);
	}

	private String act(HttpMethod method, String personId, String done, String back, RedirectAttributes redirect) {
		try {
			this.services.exchange(Service.IDENTITY, method, "/api/identity/admin/administrators/" + safe(personId),
					null, null);
			redirect.addFlashAttribute("done", done);
		}
		catch (ServiceRefusal refusal) {
			redirect.addFlashAttribute("failed", personId);
			redirect.addFlashAttribute("refusal", refusal.detail());
		}
		return "redirect:" + back;
	}

	private static String safe(String id) {
		if (!id.matches("[A-Za-z0-9_-]{1,100}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return id;
	}

}
