package org.mutualis.identity;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.mutualis.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final String[] DOMAIN = { "org.mutualis.identity.common", "org.mutualis.identity.organisation",
			"org.mutualis.identity.person", "org.mutualis.identity.membership", "org.mutualis.identity.region",
			"org.mutualis.identity.token" };

	@ArchTest
	static final ArchRule domainModelKnowsNoSpring = noClasses().that()
		.resideInAnyPackage(DOMAIN)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..", "tools.jackson..",
				"jakarta.servlet..", "org.apache.kafka..");

	@ArchTest
	static final ArchRule domainModelDoesNotReachIntoAdapters = noClasses().that()
		.resideInAnyPackage(DOMAIN)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..web..", "..persistence..", "..messaging..", "..server..", "..mail..", "..demo..");

}
