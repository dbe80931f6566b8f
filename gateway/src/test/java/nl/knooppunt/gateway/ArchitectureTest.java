package nl.knooppunt.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md: feature packages without cycles, an outbound engine
 * that knows no feature, channels that see only the two doors (inbound, outbound) and the
 * infrastructure, web that maps refusal kinds instead of feature exceptions, and a contract module
 * free of Spring and Camel. Each rule is also run against {@code nl.knooppunt.archfixture}, a
 * miniature holding the cycles the seams review found, to show that it catches them.
 */
class ArchitectureTest {

    private static final String GATEWAY = "nl.knooppunt.gateway";
    private static final String FIXTURE = "nl.knooppunt.archfixture";

    /** The features: what the gateway does, as opposed to the plumbing they share. */
    private static final List<String> FEATURES = List.of("dossier", "conversation", "workflow", "inbound", "shvapi",
            "channel", "notify");

    private static final JavaClasses GATEWAY_CLASSES = importMain(GATEWAY);
    private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURE);

    static ArchRule topLevelPackagesHaveNoCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    static ArchRule outboundKnowsNoFeature(String root) {
        return noClasses().that().resideInAPackage(root + ".outbound..")
                .should().dependOnClassesThat().resideInAnyPackage(features(root))
                .because("the engine reports delivery facts through its listener; features call it, not the reverse");
    }

    static ArchRule channelsSeeOnlyTheDoorsAndTheInfrastructure(String root) {
        return classes().that().resideInAPackage(root + ".channel..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        root + ".channel..", root + ".inbound..", root + ".outbound..", root + ".registry..",
                        root + ".security..", root + ".messages..", root + ".shared..", "nl.knooppunt.mappings..",
                        "java..", "javax..", "jakarta..", "org..", "com..", "io..")
                .because("a channel moves messages between a transport and the two doors; the rules live behind them");
    }

    static ArchRule webKnowsNoFeature(String root) {
        return noClasses().that().resideInAPackage(root + ".web..")
                .should().dependOnClassesThat().resideInAnyPackage(features(root))
                .orShould().dependOnClassesThat().resideInAPackage(root + ".outbound..")
                .because("features throw refusals of a kind; web maps kinds, so a new API never edits it");
    }

    @Test
    void theStateMachineAndTheDoorDoNotKnowWhoListens() {
        noClasses().that().resideInAnyPackage(GATEWAY + ".dossier..", GATEWAY + ".inbound..", GATEWAY + ".workflow..")
                .should().dependOnClassesThat().resideInAPackage(GATEWAY + ".notify..")
                .because("the SHV's notifications follow status changes and accepted messages through their "
                        + "listeners (ADR 0016); the rules never call them")
                .check(GATEWAY_CLASSES);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        topLevelPackagesHaveNoCycles(GATEWAY).check(GATEWAY_CLASSES);
    }

    @Test
    void theOutboundEngineKnowsNoFeature() {
        outboundKnowsNoFeature(GATEWAY).check(GATEWAY_CLASSES);
    }

    @Test
    void channelsSeeOnlyTheDoorsAndTheInfrastructure() {
        channelsSeeOnlyTheDoorsAndTheInfrastructure(GATEWAY).check(GATEWAY_CLASSES);
    }

    @Test
    void webKnowsNoFeature() {
        webKnowsNoFeature(GATEWAY).check(GATEWAY_CLASSES);
    }

    @Test
    void sharedBuildingBlocksDependOnNothingOfTheGateway() {
        classes().that().resideInAPackage("..gateway.shared..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("..gateway.shared..", "java..", "io.swagger..")
                .check(GATEWAY_CLASSES);
    }

    @Test
    void theContractIsFreeOfSpringAndCamel() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..")
                .check(importMain("nl.knooppunt.mappings"));
    }

    @Test
    void everyRuleCatchesTheCyclesTheReviewFound() {
        for (Function<String, ArchRule> rule : List.<Function<String, ArchRule>>of(
                ArchitectureTest::topLevelPackagesHaveNoCycles, ArchitectureTest::outboundKnowsNoFeature,
                ArchitectureTest::channelsSeeOnlyTheDoorsAndTheInfrastructure, ArchitectureTest::webKnowsNoFeature)) {
            ArchRule applied = rule.apply(FIXTURE);
            assertThat(applied.evaluate(FIXTURE_CLASSES).hasViolation())
                    .as("rule on the fixture: %s", applied.getDescription())
                    .isTrue();
        }
    }

    private static String[] features(String root) {
        return FEATURES.stream().map(f -> root + "." + f + "..").toArray(String[]::new);
    }

    private static JavaClasses importMain(String pkg) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(pkg);
    }
}
