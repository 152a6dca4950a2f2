package dev.flows.web;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

	@Test
	void theDigestIsTheHexOfSha256() {
		assertThat(Secrets.digest("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void threadsDigestingAtOnceEachGetTheirValuesDigest() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> results = IntStream.range(0, 2000)
				.mapToObj((i) -> threads.submit(() -> Secrets.digest("value-" + i).equals(Secrets.digest("value-" + i))
						&& !Secrets.digest("value-" + i).equals(Secrets.digest("value-" + (i + 1)))))
				.toList();
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void newSecretsAre256RandomBitsInUrlSafeBase64() {
		String secret = Secrets.newSecret();

		assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(Secrets.newSecret());
	}

}
