package org.sciplat.token.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The JSON API stands on token-core alone, beside the web UI and the TAP gateway, and its packages form no cycle; its
 * OpenAPI document names the fields of its bodies as the wire does.
 */
@AnalyzeClasses(packages = "org.sciplat.token.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    @ArchTest
    static final ArchRule usesNeitherTheWebUiNorTap = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.sciplat.token.web..", "org.sciplat.tap..");

    @ArchTest
    static final ArchRule hasNoPackageCycle = slices().matching("org.sciplat.token.api.(*)..").should()
            .beFreeOfCycles();

    /**
     * The bodies' wire names are snake_case (SnakeCaseJson), which the OpenAPI scanners do not know: a component
     * named in camelCase without its wire name would be documented as it is not sent, and lost by generated clients.
     */
    @ArchTest
    static final ArchRule bodyFieldsNameTheirWireName = fields().that().areDeclaredInClassesThat(
                    DescribedPredicate.describe("are records (the JSON bodies)", JavaClass::isRecord))
            .and().areNotStatic().and().haveNameMatching(".*[A-Z].*")
            .should().beAnnotatedWith(JsonbProperty.class);
}
