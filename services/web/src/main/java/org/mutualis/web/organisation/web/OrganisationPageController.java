package org.mutualis.web.organisation.web;

import org.mutualis.web.web.Acting;
import org.mutualis.web.web.ServiceCalls;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The address notifications give the organisation a person acts for (their {@code WebPaths.ORGANISATION}, in the
 * notices that it was approved or refused): its members for a manager, who can invite people once it is approved;
 * its ledger statement, the organisation's page open to every member, for a member; the organisations awaiting
 * approval for an administrator acting for none.
 */
@Controller
class OrganisationPageController {

	private final ServiceCalls services;

	OrganisationPageController(ServiceCalls services) {
		this.services = services;
	}

	@GetMapping("/organisation")
	String organisation() {
		Acting acting = Acting.of(this.services.token());
		if (acting.manager()) {
			return "redirect:/organisation/membres";
		}
		if (acting.organisation() == null && acting.admin()) {
			return "redirect:/admin/organisations";
		}
		return "redirect:/organisation/releve";
	}

}
