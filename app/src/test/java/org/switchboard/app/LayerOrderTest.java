package org.switchboard.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module order of docs/architecture.md, enforced on the compiled classes of every module:
 * each layer may use only the layers before it, and the domain imports no transport, database
 * driver or HTTP framework. A violation fails the build with the offending class and import.
 */
class LayerOrderTest {

    static final List<ArchRule> RULES = List.of(
            classes().that().resideInAPackage("org.switchboard.sip..")
                    .should().onlyDependOnClassesThat().resideInAnyPackage("org.switchboard.sip..", "java..", "javax..")
                    .because("sip is the sans-IO SIP stack: JDK only").allowEmptyShould(true),
            classes().that().resideInAPackage("org.switchboard.media..")
                    .should().onlyDependOnClassesThat().resideInAnyPackage(
                            "org.switchboard.media..", "java..", "javax..", "io.github.jaredmdobson.concentus..")
                    .because("media is pure signal processing: JDK and codec libraries (Concentus, the Java Opus)")
                    .allowEmptyShould(true),
            noClasses().that().resideInAPackage("org.switchboard.net..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.switchboard.pbx..", "org.switchboard.store..", "org.switchboard.web..", "org.switchboard.app..")
                    .because("net carries bytes for sip and media and knows nothing above them").allowEmptyShould(true),
            noClasses().that().resideInAPackage("org.switchboard.pbx..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.switchboard.net..", "org.switchboard.store..", "org.switchboard.web..", "org.switchboard.app..",
                            "io.netty..", "java.sql..", "io.javalin..")
                    .because("the domain talks to the network and the database only through interfaces it defines")
                    .allowEmptyShould(true),
            noClasses().that().resideInAPackage("org.switchboard.store..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.switchboard.net..", "org.switchboard.web..", "org.switchboard.app..")
                    .because("store implements pbx repositories and nothing else").allowEmptyShould(true),
            noClasses().that().resideInAPackage("org.switchboard.web..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.switchboard.net..", "org.switchboard.store..", "org.switchboard.app..")
                    .because("web serves the domain; app wires it to storage and the network").allowEmptyShould(true));

    @Test
    void everyModuleKeepsTheLayerOrder() {
        JavaClasses switchboard = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.switchboard");
        assertThat(switchboard.containPackage("org.switchboard.pbx.extension")).isTrue();
        assertThat(switchboard.containPackage("org.switchboard.web")).isTrue();
        RULES.forEach(rule -> rule.check(switchboard));
    }

    @Test
    void aForbiddenImportFailsTheCheck() {
        JavaClasses offender = new ClassFileImporter()
                .importClasses(org.switchboard.pbx.archfixture.DomainClassUsingJdbc.class);
        assertThatThrownBy(() -> RULES.forEach(rule -> rule.check(offender)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.sql.Connection")
                .hasMessageContaining("DomainClassUsingJdbc");
    }
}
