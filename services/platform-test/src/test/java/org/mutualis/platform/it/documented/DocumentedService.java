package org.mutualis.platform.it.documented;

import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.mutualis.platform.security.Actor;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A small service documented by the platform, with planted faults for the inventory to find: an endpoint hidden
 * from the document, a body documented by another type's schema of the same name, and a written example that
 * breaks its body's rule.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ DocumentedService.Notes.class, DocumentedService.Drafts.class, DocumentedService.Pages.class })
public class DocumentedService {

	@RestController
	static class Notes {

		@GetMapping("/api/notes/{id}")
		NoteView note(@PathVariable String id, Actor actor) {
			return new NoteView(id, "Note " + id);
		}

		@GetMapping("/api/notes/search")
		List<NoteView> search(@RequestParam String q) {
			return List.of(new NoteView("1", q));
		}

		@PostMapping("/api/notes")
		ResponseEntity<NoteView> write(Actor actor, @Valid @RequestBody NewNote note) {
			return ResponseEntity.status(201).body(new NoteView("2", note.title()));
		}

		@PostMapping(path = "/api/notes/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
		ResponseEntity<Void> attach(Actor actor, @PathVariable String id, @RequestParam("file") MultipartFile file) {
			return ResponseEntity.noContent().build();
		}

		@PutMapping("/api/notes/{id}/name")
		ResponseEntity<Void> rename(Actor actor, @PathVariable String id, @Valid @RequestBody Rename rename) {
			return ResponseEntity.noContent().build();
		}

		@Hidden
		@DeleteMapping("/api/notes/{id}")
		ResponseEntity<Void> forget(Actor actor, @PathVariable String id) {
			return ResponseEntity.noContent().build();
		}

	}

	@RestController
	static class Drafts {

		@PostMapping("/api/drafts")
		ResponseEntity<Void> draft(Actor actor, @RequestBody NewNote draft) {
			return ResponseEntity.accepted().build();
		}

		/** Shares its simple name with the notes' body: springdoc keeps a single schema {@code NewNote}. */
		record NewNote(String text, int words) {
		}

	}

	@Controller
	static class Pages {

		@GetMapping("/pages/hello")
		String hello() {
			return "hello";
		}

	}

	record NewNote(@NotBlank @Size(max = 80) String title, @Email String author, List<Tag> tags, Priority priority,
			java.time.LocalTime remindAt) {
	}

	record Tag(String label, int weight) {
	}

	/** Its example, written in {@code openapi/examples/Rename.json}, is too long for its own rule. */
	record Rename(@NotBlank @Size(max = 5) String name) {
	}

	enum Priority {

		LOW, HIGH

	}

	record NoteView(String id, String title) {
	}

}
