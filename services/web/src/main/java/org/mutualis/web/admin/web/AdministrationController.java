package org.mutualis.web.admin.web;

import java.util.Map;
import java.util.Set;

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
 * The administrators' desk: organisations awaiting approval (approve, or reject with a reason) and the moderation
 * queue (publish, reject or suspend with a reason). Identity and listings decide who may; others see the 403 page.
 */
@Controller
class AdministrationController {

	private static final Set<String> LISTING_ACTIONS = Set.of("publish", "reject", "suspend", "reinstate");

	private final ServiceCalls services;

	AdministrationController(ServiceCalls services) {
		this.services = services;
	}

	@GetMapping("/admin/organisations")
	String organisations(Model model) {
		model.addAttribute("organisations",
				this.services.list(Service.IDENTITY, "/api/identity/admin/organisations?status=REGISTERED&size=100"));
		return "admin-organisations";
	}

	@PostMapping("/admin/organisations/{id}/approuver")
	String approve(@PathVariable String id, RedirectAttributes redirect) {
		return act(Service.IDENTITY, "/api/identity/admin/organisations/" + safe(id) + "/approve", null, null, id,
				"admin.done.approved", "/admin/organisations", redirect);
	}

	@PostMapping("/admin/organisations/{id}/refuser")
	String reject(@PathVariable String id, @RequestParam String reason, RedirectAttributes redirect) {
		return act(Service.IDENTITY, "/api/identity/admin/organisations/" + safe(id) + "/reject",
				Map.of("reason", reason), null, id, "admin.done.rejected", "/admin/organisations", redirect);
	}

	@GetMapping("/admin/moderation")
	String moderation(Model model) {
		model.addAttribute("queue", this.services.get(Service.LISTINGS, "/api/listings/moderation/queue"));
		return "admin-moderation";
	}

	@PostMapping("/admin/moderation/{id}/{action}")
	String moderate(@PathVariable String id, @PathVariable String action, @RequestParam long version,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		if (!LISTING_ACTIONS.contains(action)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Map<String, Object> body = ("reject".equals(action) || "suspend".equals(action))
				? Map.of("reason", (reason != null) ? reason : "") : null;
		// the version the administrator examined: a change made since then must not be published unseen
		return act(Service.LISTINGS, "/api/listings/" + safe(id) + "/" + action, body, version, id,
				"admin.done." + action, "/admin/moderation", redirect);
	}

	private String act(Service service, String path, @Nullable Map<String, Object> body, @Nullable Long version,
			String id, String done, String back, RedirectAttributes redirect) {
		try {
			this.services.exchange(service, HttpMethod.POST, path, body, version);
			redirect.addFlashAttribute("done", done);
		}
		catch (ServiceRefusal refusal) {
			redirect.addFlashAttribute("failed", id);
			redirect.addFlashAttribute("refusal", refusal.detail());
			redirect.addFlashAttribute("refusalFields", refusal.fields());
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
