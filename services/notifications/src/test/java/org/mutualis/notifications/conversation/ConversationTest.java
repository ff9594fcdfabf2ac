package org.mutualis.notifications.conversation;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mutualis.platform.aggregate.AggregateRoot;
import org.mutualis.platform.problem.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The conversation aggregate and its text rules, without Spring. */
class ConversationTest {

	private static final Instant NOW = Instant.parse("2026-11-30T15:00:00Z");

	@Test
	void aPostIsRecordedAsAnEventForTheOtherOrganisationAndCountsAsReadByTheAuthorsOwn() {
		Conversation conversation = booking();
		assertThat(conversation.version()).isEqualTo(AggregateRoot.NEW);
		conversation.post("m1", "borrower", "ana", "Bonjour", NOW);
		assertThat(conversation.pendingEvents()).singleElement().isInstanceOfSatisfying(MessagePosted.class, (posted) -> {
			assertThat(posted.fromOrganisationId()).isEqualTo("borrower");
			assertThat(posted.toOrganisationId()).isEqualTo("owner");
			assertThat(posted.kind()).isEqualTo("BOOKING");
			assertThat(posted.subjectId()).isEqualTo("b1");
		});
		assertThat(conversation.unreadFor("borrower")).isZero();
		assertThat(conversation.unreadFor("owner")).isEqualTo(1);
		conversation.read("owner", "olivier", NOW.plusSeconds(60));
		assertThat(conversation.unreadFor("owner")).isZero();
		assertThat(conversation.activeSince("olivier", NOW)).isTrue();
		assertThat(conversation.activeSince("ana", NOW.plusSeconds(1))).isFalse();
	}

	@Test
	void anOutsiderNeitherPostsNorReadsNorReports() {
		Conversation conversation = booking();
		assertThatThrownBy(() -> conversation.post("m1", "stranger", "x", "Allô", NOW)).isInstanceOfSatisfying(Refusal.class,
				(refusal) -> assertThat(refusal.type()).isEqualTo("conversation-not-found"));
		assertThatThrownBy(() -> conversation.read("stranger", "x", NOW)).isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> conversation.report("stranger", "x", NOW)).isInstanceOf(Refusal.class);
		assertThat(conversation.reported()).isFalse();
		assertThat(conversation.pendingEvents()).isEmpty();
	}

	@Test
	void eachOrganisationReportsAThreadOnceAndTheReportsAreKept() {
		Conversation conversation = booking();
		assertThat(conversation.report("owner", "olivier", NOW)).isTrue();
		assertThat(conversation.report("owner", "oscar", NOW.plusSeconds(60))).isFalse();
		assertThat(conversation.reported()).isTrue();
		assertThat(conversation.reportBy("owner")).contains(new ConversationState.Report("owner", "olivier", NOW));
		assertThat(conversation.reportBy("borrower")).isEmpty();
		assertThat(conversation.report("borrower", "ana", NOW.plusSeconds(120))).isTrue();
		ConversationState state = conversation.state();
		assertThat(state.reports()).extracting(ConversationState.Report::organisationId)
			.containsExactly("owner", "borrower");
		assertThat(state.reportedAt()).isEqualTo(NOW.plusSeconds(120));
		assertThat(conversation.pendingEvents()).isEmpty();
	}

	@Test
	void aThreadReportedBeforeReportsWereKeptStaysReported() {
		Conversation conversation = Conversation.restore(new ConversationState("booking:b1", ConversationKind.BOOKING, "b1",
				"l1", "Salle", "Room", "borrower", "owner", java.util.List.of(), java.util.List.of(), java.util.List.of(),
				true, null, null), 3);
		assertThat(conversation.reported()).isTrue();
		assertThat(conversation.reportBy("owner")).isEmpty();
		assertThat(conversation.report("owner", "olivier", NOW)).isTrue();
	}

	@Test
	void anOrganisationDoesNotTalkToItself() {
		assertThatThrownBy(() -> Conversation.open("inquiry:l:o", ConversationKind.LISTING_INQUIRY, "l", "l", "", "", "o",
				"o"))
			.isInstanceOfSatisfying(Refusal.class,
					(refusal) -> assertThat(refusal.type()).isEqualTo("conversation-with-itself"));
	}

	@Test
	void aFullThreadTakesNoMoreMessages() {
		Conversation conversation = booking();
		for (int i = 0; i < Conversation.MAX_MESSAGES; i++) {
			conversation.post("m" + i, (i % 2 == 0) ? "borrower" : "owner", "p", "message " + i, NOW);
		}
		assertThatThrownBy(() -> conversation.post("late", "owner", "p", "encore", NOW))
			.isInstanceOfSatisfying(Refusal.class, (refusal) -> assertThat(refusal.type()).isEqualTo("conversation-full"));
	}

	@Test
	void textIsMadeSafe() {
		MessageText.Safe safe = MessageText.of("  \u202EVoir HTTPS://exemple.org/a?b=c et Data:text/html,<b>x</b>\r\n"
				+ "\u0000ou vbscript :x\n\n\n\n\nfin  ");
		assertThat(safe.text()).isEqualTo("Voir HTTPS://exemple.org/a?b=c et Data[:]text/html,<b>x</b>\nou vbscript[:]x\n\n\nfin");
		assertThat(safe.links()).containsExactly("HTTPS://exemple.org/a?b=c");
		assertThat(MessageText.of("x".repeat(MessageText.MAX_LENGTH)).text()).hasSize(MessageText.MAX_LENGTH);
		assertThatThrownBy(() -> MessageText.of("\u200B\u2066 \n")).isInstanceOfSatisfying(Refusal.class,
				(refusal) -> assertThat(refusal.type()).isEqualTo("message-empty"));
		assertThatThrownBy(() -> MessageText.of("é".repeat(MessageText.MAX_LENGTH + 1)))
			.isInstanceOfSatisfying(Refusal.class, (refusal) -> assertThat(refusal.type()).isEqualTo("message-too-long"));
	}

	@Test
	void theLengthCapCountsCharactersNotUtf16Units() {
		// each of these emoji is one character (one code point) that Java keeps as two UTF-16 units
		String emoji = "\uD83D\uDE00";
		assertThat(MessageText.of(emoji.repeat(1001)).text()).hasSize(2002);
		assertThat(MessageText.of(emoji.repeat(MessageText.MAX_LENGTH)).text().codePointCount(0, 2 * MessageText.MAX_LENGTH))
			.isEqualTo(MessageText.MAX_LENGTH);
		assertThat(MessageText.of("a" + emoji.repeat(MessageText.MAX_LENGTH - 1)).text()).endsWith(emoji);
		assertThatThrownBy(() -> MessageText.of(emoji.repeat(MessageText.MAX_LENGTH + 1)))
			.isInstanceOfSatisfying(Refusal.class, (refusal) -> assertThat(refusal.type()).isEqualTo("message-too-long"));
		assertThatThrownBy(() -> MessageText.of("a".repeat(MessageText.MAX_LENGTH) + emoji))
			.isInstanceOfSatisfying(Refusal.class, (refusal) -> assertThat(refusal.type()).isEqualTo("message-too-long"));
	}

	private static Conversation booking() {
		return Conversation.open(Conversation.ofBooking("b1"), ConversationKind.BOOKING, "b1", "l1", "Salle", "Room",
				"borrower", "owner");
	}

}
