package org.sciplat.token.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** token-core serves the TAP gateway and knows nothing of it, and its packages depend on each other one way. */
@AnalyzeClasses(packages = "org.sciplat.token.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule knowsNoTapPackage = noClasses().should().dependOnClassesThat()
            .resideInAPackage("org.sciplat.tap..");

    @ArchTest
    static final ArchRule hasNoPackageCycle = slices().matching("org.sciplat.token.core.(*)..").should()
            .beFreeOfCycles();
}
