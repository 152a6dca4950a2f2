package dev.flows.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The same three-step form flow (name, address, confirm, then a completion page) served
 * three ways side by side: a plain {@code @Controller} keeping the state in the
 * HttpSession ({@code /plain}), Spring Web Flow 4 with its defaults ({@code /swf}), and
 * Flows with its defaults ({@code /flows}). The Spring profile picks Flows' store and,
 * with {@code session}, Spring Session on Redis for the whole app.
 * {@code scripts/bench.sh} starts one process per profile and drives them with
 * {@link dev.flows.bench.driver.LoadDriver}.
 */
@SpringBootApplication
public class BenchApplication {

	public static void main(String[] args) {
		SpringApplication.run(BenchApplication.class, args);
	}

}
