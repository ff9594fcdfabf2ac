package org.mutualis.booking;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.mutualis.platform.test.architecture.ServiceArchitecture;

/** The platform's architecture rules, applied to the booking service. */
@AnalyzeClasses(packages = "org.mutualis.booking", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchTests service = ArchTests.in(ServiceArchitecture.class);

}
