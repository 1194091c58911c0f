package org.pinn4j.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package arrows docs/architecture.md states, checked on the compiled classes: the training layer does not
 * reach into files ({@code io} implements its {@code CheckpointStore}, not the reverse), and nothing in the core
 * depends on the catalogue or the command line.
 */
class PackageDependenciesTest {
    private static JavaClasses core;

    @BeforeAll
    static void load() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pinn4j.core");
    }

    @Test
    void trainingLayerDoesNotDependOnIo() {
        noClasses()
                .that()
                .resideInAPackage("org.pinn4j.core.train..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.pinn4j.core.io..")
                .because("core.io implements the training layer's CheckpointStore and reads its models")
                .check(core);
    }

    @Test
    void coreDependsOnNeitherCatalogueNorCommandLine() {
        noClasses()
                .that()
                .resideInAPackage("org.pinn4j.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.pinn4j.problems..", "org.pinn4j.validation..", "org.pinn4j.plots..")
                .check(core);
    }
}
