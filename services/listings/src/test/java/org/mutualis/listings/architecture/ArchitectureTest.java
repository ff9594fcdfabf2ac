package org.mutualis.listings.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.mutualis.listings", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final String[] DOMAIN = { "org.mutualis.listings.listing", "org.mutualis.listings.report",
			"org.mutualis.listings.organisation", "org.mutualis.listings.category", "org.mutualis.listings.photo",
			"org.mutualis.listings.search" };

	@ArchTest
	static final ArchRule domainModelIsFreeOfSpring = noClasses().that()
		.resideInAnyPackage(DOMAIN)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..")
		.because("the domain model is plain Java; Spring, MongoDB and Kafka stay in adapters");

	@ArchTest
	static final ArchRule domainModelDoesNotReachIntoAdapters = noClasses().that()
		.resideInAnyPackage(DOMAIN)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..web..", "..persistence..", "..messaging..", "..application..");

	@ArchTest
	static final ArchRule mapStructOnlyInAdapters = noClasses().that()
		.resideOutsideOfPackages("..web..", "..persistence..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.mapstruct..");

	@ArchTest
	static final ArchRule persistenceIsPrivateToItsFeature = noClasses().that()
		.resideInAnyPackage("..web..", "..messaging..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..persistence..");

}
