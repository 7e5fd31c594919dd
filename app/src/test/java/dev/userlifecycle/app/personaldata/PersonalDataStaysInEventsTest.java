package dev.userlifecycle.app.personaldata;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.userlifecycle.app.personaldata.violation.query.ContactCache;
import dev.userlifecycle.events.PersonalData;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data is erased by deleting the key it is encrypted with in the events; a copy kept elsewhere would survive
 * the erasure. So no aggregate (its snapshots are not encrypted), projection or saga holds a personal value: they
 * work with the user id. Request bodies of the command API are not kept and may carry it.
 */
class PersonalDataStaysInEventsTest {

    @Test
    void noAggregateProjectionOrSagaHoldsPersonalData() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.userlifecycle");

        noPersonalFieldsUnder("dev.userlifecycle").check(production);
    }

    @Test
    void theRuleCatchesAProjectionThatKeepsContacts() {
        JavaClasses hoarding = new ClassFileImporter().importClasses(ContactCache.class);

        assertThat(noPersonalFieldsUnder("dev.userlifecycle.app.personaldata.violation").evaluate(hoarding)
                                                                                      .hasViolation()).isTrue();
    }

    private static ArchRule noPersonalFieldsUnder(String base) {
        return noFields().that().areDeclaredInClassesThat().resideInAnyPackage(
                                 base + ".command", base + ".query..", base + ".sagas..")
                         .should().haveRawType(annotatedWith(PersonalData.class))
                         .because("a copy of personal data outside the events would survive its erasure")
                         .allowEmptyShould(true);
    }
}
