package org.mutualis.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A headless Chromium from the operating system's packages ({@code chromium} and {@code chromium-driver}, installed
 * by {@code .ci/run}), driven by Selenium without Selenium Manager (nothing is downloaded). It checks each page with
 * axe-core (injected from its webjar: WCAG 2.0/2.1 A and AA, no serious or critical violation), takes screenshots at
 * desktop and 360 px phone widths under {@code target/screenshots}, and checks that nothing overflows the phone's width.
 */
final class Browser implements AutoCloseable {

	static final Dimension DESKTOP = new Dimension(1280, 900);

	static final Dimension PHONE = new Dimension(360, 780);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final String AXE_SCRIPT = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	private final ChromeDriver driver;

	private final String gateway;

	private final Path profile;

	private Browser(ChromeDriver driver, String gateway, Path profile) {
		this.driver = driver;
		this.gateway = gateway;
		this.profile = profile;
	}

	/** Skips the calling tests, saying how to run them, when the machine has no Chromium and driver. */
	static void assumeInstalled() {
		org.junit.jupiter.api.Assumptions.assumeTrue(installed().isPresent(),
				"no chromium and chromium-driver in /usr/bin: install them (apt-get install chromium chromium-driver, "
						+ "as .ci/run does) to run the browser journeys");
	}

	/** @return the chromium executable and its driver, when the system has them */
	static Optional<Path[]> installed() {
		Path browser = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium")
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
		Path driver = Stream.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
		return (browser != null && driver != null) ? Optional.of(new Path[] { browser, driver }) : Optional.empty();
	}

	/**
	 * Starts a browser in French (Québec) or English.
	 * @param gateway the system's address
	 * @param language {@code fr-CA} or {@code en}
	 * @return the browser
	 */
	static Browser open(String gateway, String language) {
		return open(gateway, language, true);
	}

	/**
	 * Starts a browser that runs no page script, to show that a page works without JavaScript (progressive
	 * enhancement); Selenium's own commands still work, axe-core does not.
	 * @param gateway the system's address
	 * @param language {@code fr-CA} or {@code en}
	 * @return the browser
	 */
	static Browser openWithoutScripts(String gateway, String language) {
		return open(gateway, language, false);
	}

	private static Browser open(String gateway, String language, boolean scripts) {
		Path[] installed = installed().orElseThrow();
		Path profile;
		try {
			profile = Files.createTempDirectory("mutualis-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(installed[0].toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
				"--no-first-run", "--lang=" + language, "--user-data-dir=" + profile,
				"--window-size=" + DESKTOP.width + "," + DESKTOP.height);
		options.setExperimentalOption("prefs", scripts ? Map.of("intl.accept_languages", language)
				: Map.of("intl.accept_languages", language, "profile.managed_default_content_settings.javascript", 2));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(installed[1].toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
		return new Browser(driver, gateway, profile);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	void go(String path) {
		this.driver.get(this.gateway + path);
	}

	String path() {
		return this.driver.getCurrentUrl().replace(this.gateway, "");
	}

	String text() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	/**
	 * Waits until the page shows a text: after a form posts, the previous page's notice may still be there for a
	 * moment, and reading it then finds an element the new page has replaced (Chromium says so as a stale element, or
	 * as an inspector error "Node with given id does not belong to the document": both are read again).
	 */
	void waitForText(String expected) {
		new WebDriverWait(this.driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
			.withMessage(() -> "no '" + expected + "' on " + this.driver.getCurrentUrl())
			.until((driver) -> driver.findElement(By.tagName("body")).getText().contains(expected));
	}

	WebElement find(By by) {
		try {
			return new WebDriverWait(this.driver, Duration.ofSeconds(30))
				.until(ExpectedConditions.presenceOfElementLocated(by));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			String page = this.driver.findElements(By.tagName("body")).isEmpty() ? this.driver.getPageSource() : text();
			try {
				Files.createDirectories(SCREENSHOTS);
				Files.write(SCREENSHOTS.resolve("echec-" + System.currentTimeMillis() + ".png"),
						this.driver.getScreenshotAs(OutputType.BYTES));
			}
			catch (IOException | RuntimeException ignored) {
				// the failure below says what was on the page
			}
			throw new AssertionError("no " + by + " on " + this.driver.getCurrentUrl() + ", which shows:\n"
					+ page.substring(0, Math.min(page.length(), 3000)), ex);
		}
	}

	/**
	 * Sets a field's value the way a date picker would (typing into date-time fields depends on the browser's locale).
	 * @param id the field's id
	 * @param value its new value
	 */
	void set(String id, String value) {
		WebElement field = find(By.id(id));
		((JavascriptExecutor) this.driver).executeScript("arguments[0].value = arguments[1];", field, value);
	}

	/**
	 * Signs in through identity's sign-in page, starting from web's sign-in link, and waits to be back in web.
	 * @param email the person's e-mail
	 * @param password the password
	 */
	void signIn(String email, String password) {
		this.driver.manage().deleteAllCookies();
		go("/signin/mutualis");
		find(By.id("username")).sendKeys(email);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("form button[type=submit]")).click();
		new WebDriverWait(this.driver, Duration.ofSeconds(60))
			.until((d) -> !d.getCurrentUrl().contains("/auth/") && !d.getCurrentUrl().contains("/oauth2/")
					&& !d.getCurrentUrl().contains("/login/"));
	}

	/**
	 * Checks the page with axe-core (WCAG 2.0 and 2.1, A and AA): no serious or critical violation.
	 * @param pageType the page's name in the failure message
	 */
	@SuppressWarnings("unchecked")
	void assertAccessible(String pageType) {
		JavascriptExecutor js = this.driver;
		js.executeScript(axeScript());
		Object answer = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
				  .then((r) => done(r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
				      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5)}))))
				  .catch((e) => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
				""");
		List<String> serious = new ArrayList<>();
		for (Map<String, Object> violation : (List<Map<String, Object>>) answer) {
			if ("serious".equals(violation.get("impact")) || "critical".equals(violation.get("impact"))) {
				serious.add(violation.get("impact") + " " + violation.get("id") + ": " + violation.get("help") + " "
						+ violation.get("nodes"));
			}
		}
		assertThat(serious).as("axe-core on " + pageType + " (" + path() + ")").isEmpty();
	}

	/**
	 * Saves the page at desktop and phone widths, and checks that nothing is wider than the phone.
	 * @param name the screenshots' name
	 */
	void capture(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + "-desktop.png"), this.driver.getScreenshotAs(OutputType.BYTES));
			this.driver.manage().window().setSize(PHONE);
			Long overflow = (Long) ((JavascriptExecutor) this.driver)
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			Files.write(SCREENSHOTS.resolve(name + "-phone.png"),
					((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			this.driver.manage().window().setSize(DESKTOP);
			assertThat(overflow).as("horizontal overflow of " + name + " at 360 px").isLessThanOrEqualTo(0L);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Checks the page, then saves its screenshots.
	 * @param name page type and screenshot name
	 */
	void check(String name) {
		assertAccessible(name);
		capture(name);
	}

	private static @Nullable String cachedAxe;

	private static synchronized String axeScript() {
		if (cachedAxe == null) {
			try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE_SCRIPT)) {
				if (in == null) {
					throw new IllegalStateException(AXE_SCRIPT + " is not on the test class path");
				}
				cachedAxe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return cachedAxe;
	}

	@Override
	public void close() {
		this.driver.quit();
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover temporary profile is harmless
		}
	}

}
