package org.sciplat.token.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Nothing in token-core is named for TAP (no class, constant, enum value or method), so that its API stays one any
 * service can use, and a new one needs no change to core.
 */
@AnalyzeClasses(packages = "org.sciplat.token.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreNamesTest {

    private static final String NAMED_FOR_TAP = ".*(Tap|TAP).*";

    @ArchTest
    static final ArchRule noClassIsNamedForTap = noClasses().should().haveSimpleNameContaining("Tap")
            .orShould().haveSimpleNameContaining("TAP");

    @ArchTest
    static final ArchRule noFieldOrEnumConstantIsNamedForTap = noFields().should().haveNameMatching(NAMED_FOR_TAP);

    @ArchTest
    static final ArchRule noMethodIsNamedForTap = noMethods().should().haveNameMatching(NAMED_FOR_TAP);
}
