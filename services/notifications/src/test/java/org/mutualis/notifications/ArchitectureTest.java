package org.mutualis.notifications;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.mutualis.platform.test.architecture.ServiceArchitecture;

/** The architecture rules every service keeps (no feature cycles, no reaching into other features' adapters, a plain-Java domain). */
@AnalyzeClasses(packages = "org.mutualis.notifications", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchTests service = ArchTests.in(ServiceArchitecture.class);

}
