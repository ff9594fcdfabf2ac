package org.mutualis.platform.web;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ServerId;
import com.mongodb.connection.ClusterId;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that cannot answer is a {@code 503 store-unavailable} with {@code Retry-After}, whatever wrapper Spring
 * Data puts around the driver's exception; any other fault stays a {@code 500}.
 */
class StoreFaultsTest {

	private final ProblemAdvice advice = new ProblemAdvice(new Problems(new StaticMessageSource()));

	@Test
	void aPausedConnectionPoolBehindSpringDatasWrapperIsAStoreUnavailable() {
		MongoConnectionPoolClearedException paused = new MongoConnectionPoolClearedException(
				new ServerId(new ClusterId(), new ServerAddress()),
				new MongoSocketReadTimeoutException("read timed out", new ServerAddress(), null));
		ResponseEntity<ProblemDetail> answer = this.advice
			.fault(new UncategorizedMongoDbException("pool cleared", paused));
		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(answer.getBody().getType().toString()).isEqualTo("urn:mutualis:problem:store-unavailable");
	}

	@Test
	void anyOtherFaultIsAnInternalError() {
		ResponseEntity<ProblemDetail> answer = this.advice.fault(new IllegalStateException("a bug"));
		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(answer.getBody().getType().toString()).isEqualTo("urn:mutualis:problem:internal-error");
	}

}
