package org.sciplat.tap;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.sciplat.token.core.notice.ExpiryWarning;
import org.sciplat.token.core.quota.UserQuotas;
import org.sciplat.token.core.token.VerifiedToken;
import org.sciplat.token.core.usage.TokenUses;

/**
 * The TAP gateway and service use only token-core's public API (authentication, the cluster lease, the token
 * exchange and the verified token it yields, bounded streams, the expiry notice that VOTables carry, the record of
 * uses, the user's quotas), so core's internals, its schema among them, change without them: the
 * TAP service's tables have migrations of their own.
 */
@AnalyzeClasses(packages = "org.sciplat.tap", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreApiTest {

    @ArchTest
    static final ArchRule usesOnlyCoresPublicApi = noClasses().should().dependOnClassesThat(
            resideInAPackage("org.sciplat.token..")
                    .and(not(resideInAnyPackage("org.sciplat.token.core.auth..", "org.sciplat.token.core.cluster..",
                            "org.sciplat.token.core.jwt..", "org.sciplat.token.core.io..")))
                    .and(not(equivalentTo(VerifiedToken.class)))
                    .and(not(equivalentTo(ExpiryWarning.class)))
                    .and(not(equivalentTo(TokenUses.class)))
                    .and(not(equivalentTo(UserQuotas.class)))
                    .as("are token-core's internals (not auth, cluster, jwt, io, VerifiedToken, ExpiryWarning, "
                            + "TokenUses or UserQuotas)"));
}
