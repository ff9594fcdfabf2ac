package org.mutualis.web.manage.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.mutualis.web.web.FormChecks;
import org.mutualis.web.web.ServiceCalls;
import org.mutualis.web.web.ServiceCalls.Service;
import org.mutualis.web.web.ServiceRefusal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A manager's listings: the organisation's listings in every state, creating and editing one (with the version the
 * manager saw as {@code If-Match}; when someone else saved first, the form says so and which fields changed), adding
 * photos, submitting for review and archiving.
 */
@Controller
class ManagedListingsController {

	/** Listings' largest photo (5 MB): a larger one is refused here, beside the file field, without sending it. */
	static final long LARGEST_PHOTO = 5L * 1024 * 1024;

	private final ServiceCalls services;

	private final MessageSource messages;

	ManagedListingsController(ServiceCalls services, MessageSource messages) {
		this.services = services;
		this.messages = messages;
	}

	@GetMapping("/mes-annonces")
	String mine(Model model) {
		String organisation = this.services.actingOrganisation();
		if (organisation == null) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		model.addAttribute("listings",
				this.services.list(Service.LISTINGS, "/api/listings/organisations/" + safe(organisation)));
		return "my-listings";
	}

	@GetMapping("/mes-annonces/nouvelle")
	String blank(Model model) {
		return form(model, ListingForm.blank(), null, null);
	}

	@PostMapping("/mes-annonces")
	String create(@RequestParam MultiValueMap<String, String> submitted, Model model, RedirectAttributes redirect) {
		Map<String, String> form = ListingForm.of(submitted);
		FormChecks checks = ListingForm.check(form, new FormChecks(this.messages));
		if (!checks.passed()) {
			model.addAttribute("problem", checks.refusal());
			return form(model, form, null, null);
		}
		try {
			Map<String, Object> created = this.services
				.exchange(Service.LISTINGS, HttpMethod.POST, "/api/listings", ListingForm.request(form, null), null)
				.getBody();
			redirect.addFlashAttribute("done", "manage.done.created");
			return "redirect:/mes-annonces/" + created.get("id") + "/modifier";
		}
		catch (ServiceRefusal refusal) {
			model.addAttribute("problem", ListingForm.besideFields(refusal));
			return form(model, form, null, null);
		}
	}

	@GetMapping("/mes-annonces/{id}/modifier")
	String edit(@PathVariable String id, Model model) {
		Map<String, Object> listing = read(id);
		return form(model, ListingForm.of(listing), listing, ListingForm.of(listing));
	}

	@PostMapping("/mes-annonces/{id}")
	String save(@PathVariable String id, @RequestParam long version,
			@RequestParam MultiValueMap<String, String> submitted, Model model, RedirectAttributes redirect) {
		Map<String, String> form = ListingForm.of(submitted);
		Map<String, Object> listing = read(id);
		FormChecks checks = ListingForm.check(form, new FormChecks(this.messages));
		if (!checks.passed()) {
			// nothing sent: the person's values stay, with the version they started from
			model.addAttribute("problem", checks.refusal());
			return form(model, form, withVersion(listing, version), started(submitted));
		}
		try {
			this.services.exchange(Service.LISTINGS, HttpMethod.PUT, "/api/listings/" + safe(id),
					ListingForm.request(form, listing), version);
			redirect.addFlashAttribute("done", "manage.done.saved");
			return "redirect:/mes-annonces/" + safe(id) + "/modifier";
		}
		catch (ServiceRefusal refusal) {
			model.addAttribute("problem", ListingForm.besideFields(refusal));
			if (refusal.isStaleVersion()) {
				Map<String, String> started = started(submitted);
				model.addAttribute("changed", ListingForm.changedElsewhere(started, ListingForm.of(listing)));
			}
			// the person's values stay in the form; the version becomes the current one once they have seen the change
			return form(model, form, refusal.isStaleVersion() ? listing : withVersion(listing, version),
					refusal.isStaleVersion() ? ListingForm.of(listing) : started(submitted));
		}
	}

	@PostMapping("/mes-annonces/{id}/photos")
	String photo(@PathVariable String id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		if (file.getSize() > LARGEST_PHOTO) {
			redirect.addFlashAttribute("photoProblem",
					this.messages.getMessage("manage.photo.too.large", null, LocaleContextHolder.getLocale()));
			return "redirect:/mes-annonces/" + safe(id) + "/modifier";
		}
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType((file.getContentType() != null) ? MediaType.parseMediaType(file.getContentType())
				: MediaType.APPLICATION_OCTET_STREAM);
		String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "photo";
		parts.add("file", new org.springframework.http.HttpEntity<>(new ByteArrayResource(file.getBytes()) {
			@Override
			public String getFilename() {
				return name;
			}
		}, headers));
		try {
			this.services.post(Service.LISTINGS, "/api/listings/" + safe(id) + "/photos", parts,
					MediaType.MULTIPART_FORM_DATA);
			redirect.addFlashAttribute("done", "manage.done.photo");
		}
		catch (ServiceRefusal refusal) {
			redirect.addFlashAttribute("photoProblem", refusal.detail());
		}
		return "redirect:/mes-annonces/" + safe(id) + "/modifier";
	}

	@PostMapping("/mes-annonces/{id}/soumettre")
	String submit(@PathVariable String id, @RequestParam long version, RedirectAttributes redirect) {
		return transition(id, "submit", version, "manage.done.submitted", redirect);
	}

	@PostMapping("/mes-annonces/{id}/archiver")
	String archive(@PathVariable String id, @RequestParam long version, RedirectAttributes redirect) {
		return transition(id, "archive", version, "manage.done.archived", redirect);
	}

	private String transition(String id, String action, long version, String done, RedirectAttributes redirect) {
		try {
			this.services.exchange(Service.LISTINGS, HttpMethod.POST, "/api/listings/" + safe(id) + "/" + action, null,
					version);
			redirect.addFlashAttribute("done", done);
		}
		catch (ServiceRefusal refusal) {
			redirect.addFlashAttribute("failed", id);
			redirect.addFlashAttribute("refusal", refusal.detail());
			redirect.addFlashAttribute("stale", refusal.isStaleVersion());
		}
		return "redirect:/mes-annonces";
	}

	private String form(Model model, Map<String, String> form, @Nullable Map<String, Object> listing,
			@Nullable Map<String, String> started) {
		model.addAttribute("form", form);
		model.addAttribute("days", List.of(form.getOrDefault("days", "").split(",")));
		model.addAttribute("listing", listing);
		model.addAttribute("started", (started != null) ? started : Map.of());
		model.addAttribute("categories", this.services.list(Service.LISTINGS, "/api/listings/categories"));
		return "listing-form";
	}

	private Map<String, Object> read(String id) {
		return this.services.get(Service.LISTINGS, "/api/listings/" + safe(id));
	}

	private static Map<String, Object> withVersion(Map<String, Object> listing, long version) {
		Map<String, Object> copy = new LinkedHashMap<>(listing);
		copy.put("version", version);
		return copy;
	}

	private static Map<String, String> started(MultiValueMap<String, String> submitted) {
		Map<String, String> started = new LinkedHashMap<>();
		submitted.forEach((name, values) -> {
			if (name.startsWith("started.") && !values.isEmpty()) {
				started.put(name.substring(8), values.get(0));
			}
		});
		return started;
	}

	private static String safe(String id) {
		if (!id.matches("[A-Za-z0-9_-]{1,100}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return id;
	}

}
