package org.sciplat.token.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The JSON API stands on token-core alone, beside the web UI and the TAP gateway, and its packages form no cycle. */
@AnalyzeClasses(packages = "org.sciplat.token.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    @ArchTest
    static final ArchRule usesNeitherTheWebUiNorTap = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.sciplat.token.web..", "org.sciplat.tap..");

    @ArchTest
    static final ArchRule hasNoPackageCycle = slices().matching("org.sciplat.token.api.(*)..").should()
            .beFreeOfCycles();
}
