package org.mutualis.platform.test.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule fails on a fixture package that plants its violation, and all pass on a clean one. */
class ServiceArchitectureTest {

	@Test
	void cycleBetweenFeaturesFails() {
		assertThat(violated(ServiceArchitecture.featuresAreFreeOfCycles, "org.mutualis.cyclic")).isTrue();
	}

	@Test
	void featureUsingAnotherFeaturesAdapterFails() {
		assertThat(violated(ServiceArchitecture.featuresDoNotUseOtherFeaturesAdapters, "org.mutualis.reaching"))
			.isTrue();
	}

	@Test
	void springInTheDomainFails() {
		assertThat(violated(ServiceArchitecture.domainIsPlainJava, "org.mutualis.springy")).isTrue();
	}

	@Test
	void packageWithoutNullMarkedPackageInfoFails() {
		assertThat(violated(ServiceArchitecture.everyPackageIsNullMarked, "org.mutualis.springy")).isTrue();
	}

	@Test
	void cleanServicePassesEveryRule() {
		assertThat(violated(ServiceArchitecture.featuresAreFreeOfCycles, "org.mutualis.clean")).isFalse();
		assertThat(violated(ServiceArchitecture.featuresDoNotUseOtherFeaturesAdapters, "org.mutualis.clean"))
			.isFalse();
		assertThat(violated(ServiceArchitecture.domainIsPlainJava, "org.mutualis.clean")).isFalse();
		assertThat(violated(ServiceArchitecture.everyPackageIsNullMarked, "org.mutualis.clean")).isFalse();
	}

	@Test
	void plantedViolationsAreCaughtByTheRightRuleOnly() {
		assertThat(violated(ServiceArchitecture.domainIsPlainJava, "org.mutualis.cyclic")).isFalse();
		assertThat(violated(ServiceArchitecture.featuresAreFreeOfCycles, "org.mutualis.reaching")).isFalse();
		assertThat(violated(ServiceArchitecture.featuresDoNotUseOtherFeaturesAdapters, "org.mutualis.springy"))
			.isFalse();
	}

	private static boolean violated(ArchRule rule, String fixturePackage) {
		JavaClasses classes = new ClassFileImporter().importPackages(fixturePackage);
		return rule.evaluate(classes).hasViolation();
	}

}
