package org.mutualis.local;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code infra/local/token} explains what the gateway answered instead of a sign-in redirect. */
class TokenScriptTest {

	private HttpServer gateway;

	private int status;

	private String retryAfter;

	@BeforeEach
	void startGateway() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")) && Files.isExecutable(Path.of("/usr/bin/python3")),
				"the script needs curl and python3");
		this.gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.gateway.createContext("/", (exchange) -> {
			byte[] body = "{\"type\":\"urn:mutualis:problem:rate-limited\"}".getBytes(StandardCharsets.UTF_8);
			if (this.retryAfter != null) {
				exchange.getResponseHeaders().add("Retry-After", this.retryAfter);
			}
			exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
			exchange.sendResponseHeaders(this.status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.gateway.start();
	}

	@AfterEach
	void stopGateway() {
		if (this.gateway != null) {
			this.gateway.stop(0);
		}
	}

	@Test
	void aRateLimitedCallerIsToldSoAndForHowLong() throws Exception {
		this.status = 429;
		this.retryAfter = "17";
		String error = runToken();
		assertThat(error).contains("rate-limited", "try again in 17 s", "réessayez dans 17 s")
			.doesNotContain("did not redirect");
	}

	@Test
	void anotherAnswerIsNamedWithItsStatus() throws Exception {
		this.status = 503;
		this.retryAfter = null;
		assertThat(runToken()).contains("answered 503 instead of redirecting to the sign-in page");
	}

	private String runToken() throws Exception {
		Path script = Repository.find().resolve("infra/local/token");
		Process process = new ProcessBuilder(script.toString(), "membre@laruche.demo", "secret", "",
				"http://127.0.0.1:" + this.gateway.getAddress().getPort())
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		String error = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(error).isEqualTo(1);
		return error;
	}

}
