package org.sciplat.token.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The web UI stands on token-core alone, beside the JSON API and the TAP gateway, and its packages form no cycle. */
@AnalyzeClasses(packages = "org.sciplat.token.web", importOptions = ImportOption.DoNotIncludeTests.class)
class WebArchitectureTest {

    @ArchTest
    static final ArchRule usesNeitherTheApiNorTap = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.sciplat.token.api..", "org.sciplat.tap..");

    @ArchTest
    static final ArchRule hasNoPackageCycle = slices().matching("org.sciplat.token.web.(*)..").should()
            .beFreeOfCycles();
}
