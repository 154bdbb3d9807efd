package dev.dockyard.image;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.dockyard.image.policy.Rule;

/**
 * The plugin's boundaries, checked on its compiled classes: the core is Maven-free (ready to be its own module),
 * packages do not depend on each other in a circle, lint rules live in one package and their helpers in another,
 * and every package says what it owns.
 */
class ArchitectureTest {

    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.dockyard.image");

    @Test
    void onlyTheMavenPackageImportsMaven() {
        noClasses().that().resideOutsideOfPackage("dev.dockyard.image.maven")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..",
                        "org.eclipse.aether..")
                .because("the core must run and be tested without Maven")
                .check(PLUGIN);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.dockyard.image.(**)").should().beFreeOfCycles().check(PLUGIN);
    }

    @Test
    void lintRulesLiveInPolicyRulesAndNothingElseDoes() {
        classes().that().implement(Rule.class).and().doNotHaveModifier(JavaModifier.ABSTRACT)
                .should().resideInAPackage("dev.dockyard.image.policy.rules")
                .check(PLUGIN);
        classes().that().resideInAPackage("dev.dockyard.image.policy.rules")
                .and().areNotNestedClasses().and().doNotHaveSimpleName("package-info")
                .should().implement(Rule.class).andShould().notHaveModifier(JavaModifier.ABSTRACT)
                .because("helpers shared by rules belong in dev.dockyard.image.policy.rulekit")
                .check(PLUGIN);
    }

    @Test
    void theProbeUsesJavaBaseOnly() {
        classes().that().resideInAPackage("dev.dockyard.image.probe")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.dockyard.image.probe")
                .because("the probe is copied into images and runs on their jlinked runtime")
                .check(PLUGIN);
    }

    @Test
    void everyPackageHasAPackageInfo() {
        List<String> missing = PLUGIN.stream().map(JavaClass::getPackageName).distinct().sorted()
                .filter(name -> !Files.isRegularFile(Path.of("src/main/java", name.replace('.', '/'),
                        "package-info.java")))
                .toList();
        assertEquals(List.of(), missing);
    }

    /** Every bundled template is in the catalog, except those the catalog's templates import (shared macros). */
    @Test
    void theCatalogListsExactlyTheBundledTemplates() throws IOException {
        List<Path> templates;
        try (var list = Files.list(Path.of("../templates"))) {
            templates = list.filter(p -> p.getFileName().toString().endsWith(".ftl")).toList();
        }
        StringBuilder all = new StringBuilder();
        for (Path template : templates) {
            all.append(Files.readString(template));
        }
        List<String> files = templates.stream().map(p -> p.getFileName().toString())
                .filter(n -> !all.toString().contains("[#import \"" + n + "\""))
                .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        assertEquals(dev.dockyard.image.render.Catalog.NAMES.stream().sorted().toList(), files);
    }
}
