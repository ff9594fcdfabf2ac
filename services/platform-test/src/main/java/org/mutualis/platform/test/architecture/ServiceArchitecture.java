package org.mutualis.platform.test.architecture;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules every service keeps, for classes in {@code org.mutualis.<service>.<feature>..}. A service checks them
 * all with one class:
 * <pre>
 * &#64;AnalyzeClasses(packages = "org.mutualis.booking", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     &#64;ArchTest
 *     static final ArchTests service = ArchTests.in(ServiceArchitecture.class);
 * }
 * </pre>
 * A feature's domain is its root package; its adapters are the sub-packages {@code web}, {@code persistence} and
 * {@code messaging}; its application services live in {@code application}. Top-level technical packages
 * ({@code config}, {@code demo}, {@code mail}, and the service's root) are wiring, not features; a top-level
 * {@code web}, {@code persistence} or {@code messaging} package holds adapter types that several features share
 * (e.g. a view of an aggregate that two features' controllers return) and may depend on any feature's domain.
 */
public final class ServiceArchitecture {

	/** Sub-packages of a feature that adapt it to the outside world. */
	public static final Set<String> ADAPTERS = Set.of("web", "persistence", "messaging");

	/** Top-level packages of a service that wire features together rather than being one. */
	public static final Set<String> WIRING = Set.of("config", "demo", "mail");

	/** Feature packages do not depend on each other in a cycle. */
	@ArchTest
	public static final ArchRule featuresAreFreeOfCycles = SlicesRuleDefinition.slices()
		.assignedFrom(new FeatureSlices())
		.should()
		.beFreeOfCycles()
		.allowEmptyShould(true);

	/** A feature never uses another feature's web, persistence or messaging adapters. */
	@ArchTest
	public static final ArchRule featuresDoNotUseOtherFeaturesAdapters = classes().that(inAFeature())
		.should(new ArchCondition<JavaClass>("not use another feature's adapters") {
			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					JavaClass target = dependency.getTargetClass();
					if (isAdapterOfAnotherFeature(origin, target)) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		})
		.allowEmptyShould(true);

	/** A feature's domain is plain Java: no Spring, MongoDB, Kafka, Jackson or servlet types. */
	@ArchTest
	public static final ArchRule domainIsPlainJava = noClasses().that(inAFeatureDomain())
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..",
				"tools.jackson..", "com.fasterxml.jackson..", "jakarta.servlet..", "org.mapstruct..")
		.because("the domain model is plain Java; frameworks stay in adapters and application services")
		.allowEmptyShould(true);

	/** Every package says what it is for in a {@code package-info.java} that is {@code @NullMarked}. */
	@ArchTest
	public static final ArchRule everyPackageIsNullMarked = classes().that()
		.resideInAPackage("org.mutualis..")
		.should(new ArchCondition<JavaClass>("be in a package whose package-info is @NullMarked") {
			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				if (!javaClass.getPackage().isAnnotatedWith(NullMarked.class)) {
					events.add(SimpleConditionEvent.violated(javaClass,
							javaClass.getPackageName() + " has no @NullMarked package-info.java"));
				}
			}
		})
		.allowEmptyShould(true);

	private ServiceArchitecture() {
	}

	/**
	 * The feature a class belongs to.
	 * @param javaClass the class
	 * @return {@code <service>.<feature>}, or {@code null} for the service root and wiring packages
	 */
	static @Nullable String featureOf(JavaClass javaClass) {
		String[] parts = javaClass.getPackageName().split("\\.");
		if (parts.length < 4 || !"org".equals(parts[0]) || !"mutualis".equals(parts[1]) || WIRING.contains(parts[3])
				|| ADAPTERS.contains(parts[3]) || "application".equals(parts[3])) {
			return null;
		}
		return parts[2] + "." + parts[3];
	}

	static boolean isAdapterOfAnotherFeature(JavaClass origin, JavaClass target) {
		String targetFeature = featureOf(target);
		if (targetFeature == null || targetFeature.equals(featureOf(origin))) {
			return false;
		}
		String[] parts = target.getPackageName().split("\\.");
		return parts.length > 4 && ADAPTERS.contains(parts[4]);
	}

	private static DescribedPredicate<JavaClass> inAFeature() {
		return DescribedPredicate.describe("are in a feature", (javaClass) -> featureOf(javaClass) != null);
	}

	private static DescribedPredicate<JavaClass> inAFeatureDomain() {
		return DescribedPredicate.describe("are in a feature's domain",
				(javaClass) -> featureOf(javaClass) != null && javaClass.getPackageName().split("\\.").length == 4);
	}

	/** One slice per feature; wiring packages are left out of the cycle check. */
	private static final class FeatureSlices implements SliceAssignment {

		@Override
		public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
			String feature = featureOf(javaClass);
			return (feature != null) ? SliceIdentifier.of(feature) : SliceIdentifier.ignore();
		}

		@Override
		public String getDescription() {
			return "features of org.mutualis services";
		}

	}

}
