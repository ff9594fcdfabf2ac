package org.mutualis.notifications.conversation.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mutualis.notifications.conversation.Conversation;
import org.mutualis.notifications.conversation.ConversationState;
import org.mutualis.notifications.conversation.Conversations;
import org.mutualis.notifications.directory.Memberships;
import org.mutualis.notifications.directory.Organisation;
import org.mutualis.notifications.directory.Organisations;
import org.mutualis.notifications.inbox.Addressee;
import org.mutualis.notifications.inbox.Notice;
import org.mutualis.notifications.inbox.WebPaths;
import org.mutualis.notifications.inbox.application.Notifying;
import org.mutualis.notifications.preferences.Category;
import org.mutualis.platform.events.EventEnvelope;
import org.mutualis.platform.events.MalformedEventException;
import org.mutualis.platform.events.ProcessedEvents;
import org.mutualis.platform.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Tells the members of the other organisation of each new message, each event once. A member who read or wrote in
 * the thread within the activity window gets it in-app only, and the e-mails of one thread to one person are batched
 * (one waits at a time). An organisation that reported the thread gets its new messages in-app only: it keeps seeing
 * them (a booking's thread may still be needed for the booking), but the reported side can no longer make it e-mail
 * the people who asked the administrators to look.
 */
@Component
public class ConversationEvents {

	/** Name under which applied events are remembered. */
	public static final String CONSUMER = "notifications-conversations";

	private static final String MESSAGE_POSTED = "mutualis.conversation.message-posted.v1";

	private final Conversations conversations;

	private final Memberships memberships;

	private final Organisations organisations;

	private final Notifying notifying;

	private final ProcessedEvents processed;

	private final JsonMapper mapper;

	private final Duration activeWindow;

	ConversationEvents(Conversations conversations, Memberships memberships, Organisations organisations,
			Notifying notifying, ProcessedEvents processed, JsonMapper mapper,
			@Value("${mutualis.notifications.conversation-active-window:PT10M}") Duration activeWindow) {
		this.conversations = conversations;
		this.memberships = memberships;
		this.organisations = organisations;
		this.notifying = notifying;
		this.processed = processed;
		this.mapper = mapper;
		this.activeWindow = activeWindow;
	}

	@KafkaListener(id = "notifications-conversations", groupId = "${spring.kafka.consumer.group-id}-conversations",
			topics = Topics.CONVERSATIONS)
	void onMessage(ConsumerRecord<String, String> record) {
		apply(record.value());
	}

	/**
	 * Applies one envelope received from the conversations topic.
	 * @param json the CloudEvents JSON text
	 * @return whether it was applied now (false for duplicates and other types)
	 */
	public boolean apply(String json) {
		EventEnvelope event = EventEnvelope.fromJson(this.mapper, json);
		if (!MESSAGE_POSTED.equals(event.type())) {
			return false;
		}
		return this.processed.applyOnce(CONSUMER, event, this::tell);
	}

	private void tell(EventEnvelope event) {
		MessagePostedData data;
		try {
			data = this.mapper.treeToValue(event.data(), MessagePostedData.class);
		}
		catch (RuntimeException ex) {
			throw new MalformedEventException(event.type() + " data unreadable: " + ex.getMessage());
		}
		if (data.conversationId() == null || data.fromOrganisationId() == null || data.toOrganisationId() == null) {
			throw new MalformedEventException(event.type() + " without conversationId or organisations");
		}
		Conversation conversation = this.conversations.find(data.conversationId())
			.orElseThrow(() -> new MalformedEventException("unknown conversation " + data.conversationId()));
		ConversationState state = conversation.state();
		String sender = this.organisations.find(data.fromOrganisationId()).map(Organisation::name).orElse("");
		String language = this.organisations.find(data.toOrganisationId()).map(Organisation::language).orElse(null);
		List<Addressee> addressees = this.memberships.membersOf(data.toOrganisationId())
			.stream()
			// someone in both organisations wrote it: they are not told of their own message
			.filter((person) -> !person.equals(data.authorId()))
			.map((person) -> new Addressee(person, sender, language))
			.toList();
		boolean reportedByThem = conversation.reportBy(data.toOrganisationId()).isPresent();
		Set<String> inAppOnly = addressees.stream()
			.map(Addressee::personId)
			.filter((person) -> reportedByThem
					|| conversation.activeSince(person, event.time().minus(this.activeWindow)))
			.collect(Collectors.toSet());
		this.notifying.tell(new Notice(event.id(), "conversation.message", Category.CONVERSATIONS, addressees,
				WebPaths.conversation(state.id()), state.listingId(), state.id(),
				Map.of("fr", state.titleFr(), "en", state.titleEn()), null, null, null, data.text(), event.time(), null),
				inAppOnly);
	}

}
