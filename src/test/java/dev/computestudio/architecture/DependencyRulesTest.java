package dev.computestudio.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/** The dependency rule of DESIGN.md: ui -> service -> domain <- infra, engine -> domain, app wires. */
class DependencyRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.computestudio");
    }

    @Test
    void javaFxStaysInUiAndApp() {
        noClasses().that().resideOutsideOfPackages("dev.computestudio.ui..", "dev.computestudio.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..",
                        "org.kordamp.ikonli..")
                .check(classes);
    }

    @Test
    void domainDependsOnNothingOfOursAndNoLibrary() {
        noClasses().that().resideInAPackage("dev.computestudio.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.computestudio.app..",
                        "dev.computestudio.cli..", "dev.computestudio.service..", "dev.computestudio.engine..",
                        "dev.computestudio.infra..", "dev.computestudio.ui..", "com.fasterxml..", "org.h2..",
                        "org.flywaydb..", "picocli..")
                .check(classes);
    }

    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                // Layers arrive issue by issue; an empty one is allowed, a wrong dependency never.
                .withOptionalLayers(true)
                .layer("App").definedBy("dev.computestudio.app..")
                .layer("Cli").definedBy("dev.computestudio.cli..")
                .layer("Ui").definedBy("dev.computestudio.ui..")
                .layer("Service").definedBy("dev.computestudio.service..")
                .layer("Engine").definedBy("dev.computestudio.engine..")
                .layer("Infra").definedBy("dev.computestudio.infra..")
                .layer("Domain").definedBy("dev.computestudio.domain..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Service").mayOnlyBeAccessedByLayers("App", "Cli", "Ui")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("App", "Cli", "Service")
                .whereLayer("Infra").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("App", "Cli", "Ui", "Service", "Engine", "Infra")
                .check(classes);
    }
}
