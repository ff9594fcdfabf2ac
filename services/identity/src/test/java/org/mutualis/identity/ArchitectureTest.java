package org.mutualis.identity;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.mutualis.platform.test.architecture.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.mutualis.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchTests service = ArchTests.in(ServiceArchitecture.class);

	// identity's own sub-packages the platform's adapter list does not know: the authorization server and the wiring
	@ArchTest
	static final ArchRule domainDoesNotReachIntoTheAuthorizationServerOrWiring = noClasses().that()
		.resideInAnyPackage("org.mutualis.identity.common", "org.mutualis.identity.organisation",
				"org.mutualis.identity.person", "org.mutualis.identity.membership", "org.mutualis.identity.region",
				"org.mutualis.identity.token")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..server..", "..mail..", "..demo..", "..application..");

}
