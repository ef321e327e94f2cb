package dev.computestudio.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.computestudio.ui.common.ServiceForm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/** The dependency rule of DESIGN.md: ui -> service -> domain <- infra, engine -> domain, app wires. */
class DependencyRulesTest {

    /**
     * A view model, or a class inside one (its rows, its anonymous listeners), or a form view
     * model: they hold state and decide, the view shows it.
     */
    private static final DescribedPredicate<JavaClass> VIEW_MODELS = DescribedPredicate.describe(
            "are view models (named *ViewModel, or a ServiceForm) or inside one",
            javaClass -> isViewModel(outermost(javaClass)));

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.computestudio");
    }

    private static JavaClass outermost(JavaClass javaClass) {
        return javaClass.getEnclosingClass().map(DependencyRulesTest::outermost).orElse(javaClass);
    }

    private static boolean isViewModel(JavaClass javaClass) {
        return javaClass.getSimpleName().endsWith("ViewModel") || javaClass.isAssignableTo(ServiceForm.class);
    }

    @Test
    void javaFxStaysInUiAndApp() {
        noClasses().that().resideOutsideOfPackages("dev.computestudio.ui..", "dev.computestudio.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..",
                        "org.kordamp.ikonli..")
                .check(classes);
    }

    @Test
    void viewModelsHoldNoSceneGraph() {
        noClasses().that(VIEW_MODELS)
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("a view model holds state as properties and decides; only its view builds and shows "
                        + "controls, so the view model is tested without a toolkit (DESIGN.md, The studio)")
                .check(classes);
    }

    @Test
    void domainDependsOnNothingOfOursAndNoLibrary() {
        noClasses().that().resideInAPackage("dev.computestudio.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.computestudio.app..",
                        "dev.computestudio.cli..", "dev.computestudio.demo..", "dev.computestudio.service..",
                        "dev.computestudio.engine..", "dev.computestudio.infra..", "dev.computestudio.ui..",
                        "com.fasterxml..", "org.h2..", "org.flywaydb..", "picocli..")
                .check(classes);
    }

    /**
     * Every class is in a layer and no layer is empty. Demo plays scenarios through the services,
     * as a trainer would click through them, for the studio's Demos screen and {@code demo run}: it
     * sits between those two doors and the services, and reaches neither the engine nor infra.
     */
    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer("App").definedBy("dev.computestudio.app..")
                .layer("Cli").definedBy("dev.computestudio.cli..")
                .layer("Ui").definedBy("dev.computestudio.ui..")
                .layer("Demo").definedBy("dev.computestudio.demo..")
                .layer("Service").definedBy("dev.computestudio.service..")
                .layer("Engine").definedBy("dev.computestudio.engine..")
                .layer("Infra").definedBy("dev.computestudio.infra..")
                .layer("Domain").definedBy("dev.computestudio.domain..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Demo").mayOnlyBeAccessedByLayers("App", "Cli", "Ui")
                .whereLayer("Service").mayOnlyBeAccessedByLayers("App", "Cli", "Ui", "Demo")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("App", "Cli", "Service")
                .whereLayer("Infra").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("App", "Cli", "Ui", "Demo", "Service", "Engine",
                        "Infra")
                .check(classes);
    }
}
