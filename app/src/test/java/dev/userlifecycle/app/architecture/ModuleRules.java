package dev.userlifecycle.app.architecture;

import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rules of ARCHITECTURE.md (Modules) at class level, for the packages under a base package:
 * {@code events} (shared-events), {@code eventstore}, {@code command}, {@code query}, {@code sagas}, {@code app}.
 */
final class ModuleRules {

    private ModuleRules() {
    }

    static List<ArchRule> under(String base) {
        return List.of(
                noClasses().that().resideInAPackage(base + ".events..")
                           .should().dependOnClassesThat().resideInAnyPackage(
                                   base + ".eventstore..", base + ".command..", base + ".query..",
                                   base + ".sagas..", base + ".app..", "org.springframework..", "com.mongodb..",
                                   "org.bson..")
                           .as("shared-events depends on nothing of the project and no framework runtime")
                           .allowEmptyShould(true),
                noClasses().that().resideInAPackage(base + ".eventstore..")
                           .should().dependOnClassesThat().resideInAnyPackage(
                                   base + ".events..", base + ".command..", base + ".query..", base + ".sagas..",
                                   base + ".app..", "org.springframework..")
                           .as("event-store is a library on Axon and the MongoDB driver alone")
                           .allowEmptyShould(true),
                noClasses().that().resideInAPackage(base + ".command..")
                           .should().dependOnClassesThat().resideInAnyPackage(
                                   base + ".query..", base + ".sagas..", base + ".app..", base + ".eventstore..")
                           .as("command-side depends on shared-events only")
                           .allowEmptyShould(true),
                noClasses().that().resideInAPackage(base + ".query..")
                           .should().dependOnClassesThat().resideInAnyPackage(
                                   base + ".command..", base + ".sagas..", base + ".app..", base + ".eventstore..")
                           .as("query-side depends on shared-events only")
                           .allowEmptyShould(true),
                noClasses().that().resideInAPackage(base + ".sagas..")
                           .should().dependOnClassesThat().resideInAnyPackage(
                                   base + ".command..", base + ".query..", base + ".app..", base + ".eventstore..")
                           .as("sagas depend on shared-events only, never on command-side internals")
                           .allowEmptyShould(true));
    }
}
