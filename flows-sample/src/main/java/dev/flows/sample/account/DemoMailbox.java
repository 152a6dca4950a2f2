package dev.flows.sample.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The sample has no mail server: "sent" mail is logged and kept here, and the page that
 * asks for a reset code shows the latest message to the address, clearly marked as a
 * demo.
 */
@Component
public class DemoMailbox {

	private static final Logger logger = LoggerFactory.getLogger(DemoMailbox.class);

	private static final int KEPT = 200;

	private final Deque<Message> messages = new ConcurrentLinkedDeque<>();

	private final Clock clock = Clock.systemUTC();

	/** One mail. */
	public record Message(String to, String subject, String body, Instant sentAt) {
	}

	public void send(String to, String subject, String body) {
		Message message = new Message(Accounts.normalize(to), subject, body, this.clock.instant());
		this.messages.addFirst(message);
		while (this.messages.size() > KEPT) {
			this.messages.pollLast();
		}
		logger.info("Mail to {}: {}: {}", message.to(), subject, body);
	}

	/** The latest message to {@code to}, if any. */
	public Optional<Message> latestTo(String to) {
		String address = Accounts.normalize(to);
		return this.messages.stream().filter((message) -> message.to().equals(address)).findFirst();
	}

}
