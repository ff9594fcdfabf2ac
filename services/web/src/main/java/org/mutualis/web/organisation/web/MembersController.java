package org.mutualis.web.organisation.web;

import java.util.LinkedHashMap;
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
 * The members of the organisation a manager acts for: who they are and their role, inviting someone by e-mail,
 * the invitations still waiting for an answer and their withdrawal, changing a member's role and removing a member.
 * Only managers reach these pages ({@code WebSecurity}); identity decides again (only a manager sees the invitations
 * and changes anything; the last manager cannot leave) and its refusals are shown beside the field or on the row they
 * name.
 */
@Controller
class MembersController {

	/** The roles a person can hold in an organisation. */
	static final List<String> ROLES = List.of("MEMBER", "MANAGER");

	private final ServiceCalls services;

	MembersController(ServiceCalls services) {
		this.services = services;
	}

	@GetMapping("/organisation/membres")
	String members(Model model) {
		return page(model, Map.of("email", "", "role", "MEMBER"));
	}

	@PostMapping("/organisation/invitations")
	String invite(@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String role, Model model, RedirectAttributes redirect) {
		Map<String, String> invitation = new LinkedHashMap<>();
		invitation.put("email", (email != null) ? email.trim() : "");
		invitation.put("role", (role != null && ROLES.contains(role)) ? role : "MEMBER");
		try {
			this.services.exchange(Service.IDENTITY, HttpMethod.POST,
					"/api/identity/organisations/" + organisation() + "/invitations", invitation, null);
			redirect.addFlashAttribute("done", "mgmt.done.invited");
			redirect.addFlashAttribute("invited", invitation.get("email"));
			return "redirect:/organisation/membres";
		}
		catch (ServiceRefusal refusal) {
			model.addAttribute("problem", refusal);
			return page(model, invitation);
		}
	}

	@PostMapping("/organisation/membres/{personId}/role")
	String changeRole(@PathVariable String personId, @RequestParam(required = false) @Nullable String role,
			RedirectAttributes redirect) {
		if (role == null || !ROLES.contains(role)) {
			redirect.addFlashAttribute("failed", personId);
			redirect.addFlashAttribute("failure", "mgmt.error.role");
			return "redirect:/organisation/membres";
		}
		return act(HttpMethod.PUT, personId, "/role", Map.of("role", role), "mgmt.done.role", redirect);
	}

	@PostMapping("/organisation/membres/{personId}/retirer")
	String remove(@PathVariable String personId, RedirectAttributes redirect) {
		return act(HttpMethod.DELETE, personId, "", null, "mgmt.done.removed", redirect);
	}

	@PostMapping("/organisation/invitations/{invitationId}/retirer")
	String withdraw(@PathVariable String invitationId, RedirectAttributes redirect) {
		try {
			this.services.exchange(Service.IDENTITY, HttpMethod.DELETE,
					"/api/identity/organisations/" + organisation() + "/invitations/" + safe(invitationId), null, null);
			redirect.addFlashAttribute("done", "mgmt.done.withdrawn");
		}
		catch (ServiceRefusal refusal) {
			redirect.addFlashAttribute("failedInvitation", invitationId);
			redirect.addFlashAttribute("refusal", refusal.detail());
		}
		return "redirect:/organisation/membres";
	}

	private String act(HttpMethod method, String personId, String suffix, @Nullable Map<String, Object> body,
			String done, RedirectAttributes redirect) {
		try {
			this.services.exchange(Service.IDENTITY, method,
					"/api/identity/organisations/" + organisation() + "/members/" + safe(personId) + suffix, body, null);
			redirect.addFlashAttribute("done", done);
		}
		catch (ServiceRefusal refusal) {
			redirect.addFlashAttribute("failed", personId);
			redirect.addFlashAttribute("refusal", refusal.detail());
		}
		return "redirect:/organisation/membres";
	}

	private String page(Model model, Map<String, String> invitation) {
		model.addAttribute("members", this.services.list(Service.IDENTITY,
				"/api/identity/organisations/" + organisation() + "/members?size=100"));
		model.addAttribute("pending", pendingInvitations());
		model.addAttribute("invitation", invitation);
		model.addAttribute("roles", ROLES);
		return "manage-members";
	}

	/**
	 * The invitations waiting for an answer, or {@code null} when identity keeps them from the person (made a member
	 * since their access token was issued).
	 */
	private @Nullable List<Map<String, Object>> pendingInvitations() {
		try {
			return this.services.list(Service.IDENTITY,
					"/api/identity/organisations/" + organisation() + "/invitations?size=100");
		}
		catch (ServiceRefusal refusal) {
			if (refusal.getStatusCode().value() == HttpStatus.FORBIDDEN.value()) {
				return null;
			}
			throw refusal;
		}
	}

	private String organisation() {
		String organisation = this.services.actingOrganisation();
		if (organisation == null) {
			// an administrator, or a person acting for no organisation, has no members to manage
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return safe(organisation);
	}

	private static String safe(String id) {
		if (!id.matches("[A-Za-z0-9_-]{1,100}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return id;
	}

}
