package org.mutualis.identity.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mail.javamail.MimeMessageHelper;

import static org.assertj.core.api.Assertions.assertThat;

class FolderMailSenderTest {

	@Test
	void writesEachMessageAsAnEmlFile(@TempDir Path folder) throws Exception {
		FolderMailSender sender = new FolderMailSender(folder.resolve("mail"));
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom("ne-pas-repondre@mutualis.local");
		helper.setTo("gestion@laruche.demo");
		helper.setSubject("Votre organisme est approuvé");
		helper.setText("Bonne nouvelle", "<p>Bonne nouvelle</p>");
		sender.send(message);
		List<Path> files;
		try (var listing = Files.list(folder.resolve("mail"))) {
			files = listing.toList();
		}
		assertThat(files).hasSize(1);
		assertThat(files.get(0).getFileName().toString()).endsWith(".eml");
		assertThat(Files.readString(files.get(0))).contains("To: gestion@laruche.demo", "Subject:");
	}

}
