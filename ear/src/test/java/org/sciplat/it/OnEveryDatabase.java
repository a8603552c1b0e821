package org.sciplat.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class whose outcome depends on the database (its SQL, constraints, locking, what it stores): the
 * build runs it against the PostgreSQL server too, where the rest of the suite runs against the H2 server only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OnEveryDatabase.TAG)
public @interface OnEveryDatabase {

    /** The JUnit tag, which ear/pom.xml's postgresql run selects. */
    String TAG = "database";
}
