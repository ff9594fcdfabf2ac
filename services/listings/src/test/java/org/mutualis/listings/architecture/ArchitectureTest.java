package org.mutualis.listings.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.mutualis.platform.test.architecture.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The platform's rules every service keeps, and the few listings adds. */
@AnalyzeClasses(packages = "org.mutualis.listings", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchTests service = ArchTests.in(ServiceArchitecture.class);

	@ArchTest
	static final ArchRule domainDoesNotReachIntoApplicationServicesOrAdapters = noClasses().that()
		.resideInAPackage("org.mutualis.listings.*")
		.and()
		.resideOutsideOfPackages("org.mutualis.listings.config", "org.mutualis.listings.demo",
				"org.mutualis.listings.web")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..web..", "..persistence..", "..messaging..", "..application..")
		.because("a feature's domain is used by its application service and adapters, never the other way round");

	@ArchTest
	static final ArchRule mapStructOnlyInAdapters = noClasses().that()
		.resideOutsideOfPackages("..web..", "..persistence..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.mapstruct..");

	@ArchTest
	static final ArchRule persistenceIsPrivateToItsFeature = noClasses().that()
		.resideOutsideOfPackage("..persistence..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..persistence..")
		.because("repositories are reached through the domain's interfaces (Listings, Reports, ...)");

}
