package org.refdesk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.vertx.core.Deployable;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The layout's rules (docs/architecture.md), checked on the compiled gateway: a platform that knows
 * no feature, features that use each other's services, repositories and records but never each
 * other's route tables or verticles, and no package cycle anywhere.
 */
@DisplayName("The gateway's packages")
class ArchitectureTest {

  private static final String BASE = "org.refdesk";
  private static final String PLATFORM = BASE + ".platform";

  private static JavaClasses gateway;

  @BeforeAll
  static void importGateway() {
    gateway =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);
  }

  @Test
  @DisplayName("form no cycle between features, or between the features and the platform")
  void noCycleBetweenTopLevelPackages() {
    slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(gateway);
  }

  @Test
  @DisplayName("form no cycle inside the platform")
  void noCycleInsidePlatform() {
    slices().matching(PLATFORM + ".(*)..").should().beFreeOfCycles().check(gateway);
  }

  @Test
  @DisplayName("keep the platform free of any feature and of the composition root")
  void platformKnowsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage(PLATFORM + "..")
        .should()
        .dependOnClassesThat(
            resideInAPackage(BASE + "..").and(not(resideInAPackage(PLATFORM + ".."))))
        .check(gateway);
  }

  @Test
  @DisplayName("let no feature reach into another feature's route tables or verticles")
  void noFeatureUsesAnothersRoutesOrVerticles() {
    classes()
        .that()
        .resideInAPackage(BASE + "..")
        .should(reachNoOtherFeaturesRoutesOrVerticles())
        .check(gateway);
  }

  private static ArchCondition<JavaClass> reachNoOtherFeaturesRoutesOrVerticles() {
    return new ArchCondition<>("reach no other feature's route tables or verticles") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        var from = featureOf(origin);
        origin
            .getDirectDependenciesFromSelf()
            .forEach(
                dependency -> {
                  var target = dependency.getTargetClass().getBaseComponentType();
                  var to = featureOf(target);
                  if (to.isPresent() && !to.equals(from) && isRouteTableOrVerticle(target)) {
                    events.add(
                        SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                  }
                });
      }
    };
  }

  /**
   * The feature a class belongs to: the package right under the base; none for the platform and the
   * root.
   */
  private static Optional<String> featureOf(JavaClass type) {
    var name = type.getPackageName();
    if (!name.startsWith(BASE + ".") || name.startsWith(PLATFORM)) {
      return Optional.empty();
    }
    var rest = name.substring(BASE.length() + 1);
    int dot = rest.indexOf('.');
    return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
  }

  private static boolean isRouteTableOrVerticle(JavaClass type) {
    var outermost = type;
    while (outermost.getEnclosingClass().isPresent()) {
      outermost = outermost.getEnclosingClass().get();
    }
    return outermost.getSimpleName().endsWith("Routes")
        || outermost.isAssignableTo(Deployable.class);
  }
}
