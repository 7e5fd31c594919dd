package dev.userlifecycle.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.userlifecycle.app.architecture.violation.command.LeakyCommandHandler;
import dev.userlifecycle.app.architecture.violation.query.ProfileView;
import dev.userlifecycle.app.architecture.violation.sagas.NosySaga;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Fails the build when a module breaks the dependency rules of ARCHITECTURE.md (Modules). */
class ModuleDependencyRulesTest {

    private static final String GROUP = "dev.userlifecycle";
    /** Which project modules each module may depend on, in any scope. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "shared-events", Set.of(),
            "event-store", Set.of(),
            "command-side", Set.of("shared-events"),
            "query-side", Set.of("shared-events"),
            "sagas", Set.of("shared-events"),
            "app", Set.of("shared-events", "event-store", "command-side", "query-side", "sagas"));

    @Test
    void everyModuleDeclaresOnlyTheProjectDependenciesTheDesignAllows() throws Exception {
        Path root = reactorRoot();
        List<String> violations = new ArrayList<>();
        for (String module : modulesOf(root)) {
            assertThat(ALLOWED).as("the design names module %s", module).containsKey(module);
            for (String dependency : projectDependencies(root.resolve(module).resolve("pom.xml"))) {
                if (!ALLOWED.get(module).contains(dependency)) {
                    violations.add(module + " -> " + dependency);
                }
            }
        }
        assertThat(violations).as("module dependencies the design forbids").isEmpty();
    }

    @Test
    void noClassReachesIntoAModuleItMayNotSee() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(GROUP);
        for (ArchRule rule : ModuleRules.under(GROUP)) {
            rule.check(production);
        }
    }

    @Test
    void theClassRulesCatchACommandClassThatUsesTheQuerySide() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyCommandHandler.class, ProfileView.class);

        List<String> failures = new ArrayList<>();
        for (ArchRule rule : ModuleRules.under("dev.userlifecycle.app.architecture.violation")) {
            EvaluationResult result = rule.evaluate(leaky);
            if (result.hasViolation()) {
                failures.add(rule.getDescription());
            }
        }

        assertThat(failures).containsExactly("command-side depends on shared-events only");
    }

    @Test
    void theClassRulesCatchASagaThatUsesTheCommandSide() {
        JavaClasses nosy = new ClassFileImporter().importClasses(NosySaga.class, LeakyCommandHandler.class);

        List<String> failures = new ArrayList<>();
        for (ArchRule rule : ModuleRules.under("dev.userlifecycle.app.architecture.violation")) {
            if (rule.evaluate(nosy).hasViolation()) {
                failures.add(rule.getDescription());
            }
        }

        assertThat(failures).contains("sagas depend on shared-events only, never on command-side internals");
    }

    private static Path reactorRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("app").resolve("pom.xml"))) {
            directory = directory.getParent();
        }
        assertThat(directory).as("reactor root above the working directory").isNotNull();
        return directory;
    }

    private static List<String> modulesOf(Path root) throws Exception {
        List<String> modules = new ArrayList<>();
        NodeList nodes = parse(root.resolve("pom.xml")).getElementsByTagName("module");
        for (int i = 0; i < nodes.getLength(); i++) {
            modules.add(nodes.item(i).getTextContent().trim());
        }
        assertThat(modules).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
        return modules;
    }

    private static Set<String> projectDependencies(Path pom) throws Exception {
        Set<String> dependencies = new TreeSet<>();
        NodeList nodes = parse(pom).getElementsByTagName("dependency");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element dependency = (Element) nodes.item(i);
            if (GROUP.equals(text(dependency, "groupId"))) {
                dependencies.add(text(dependency, "artifactId"));
            }
        }
        return dependencies;
    }

    private static Element parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }
}
