package org.sciplat.tap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The gateway and the TAP service behind it meet only in the request the gateway admits, so either can be replaced
 * (a service elsewhere in proxy mode, another gateway in front of this service) without touching the other.
 */
@AnalyzeClasses(packages = "org.sciplat.tap", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayAndServiceTest {

    private static final String GATEWAY = "org.sciplat.tap.gateway..";
    private static final String SERVICE = "org.sciplat.tap.service..";

    @ArchTest
    static final ArchRule gatewayDoesNotUseTheService = noClasses().that().resideInAPackage(GATEWAY).should()
            .dependOnClassesThat().resideInAPackage(SERVICE);

    @ArchTest
    static final ArchRule serviceDoesNotUseTheGateway = noClasses().that().resideInAPackage(SERVICE).should()
            .dependOnClassesThat().resideInAPackage(GATEWAY);

    @ArchTest
    static final ArchRule whatBothShareUsesNeither = noClasses().that().resideInAPackage("org.sciplat.tap").should()
            .dependOnClassesThat().resideInAnyPackage(GATEWAY, SERVICE);

    @ArchTest
    static final ArchRule hasNoPackageCycle = slices().matching("org.sciplat.tap.(**)").should().beFreeOfCycles();
}
