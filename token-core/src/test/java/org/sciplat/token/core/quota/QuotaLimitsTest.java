package org.sciplat.token.core.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.InvalidQuotaException;
import org.sciplat.token.core.RequestField;

class QuotaLimitsTest {

    @Test
    void anOverrideWinsWhereItSpeaksAndItsDefaultCoversTheServicesItDoesNotName() {
        QuotaLimits granted = QuotaLimits.of(Map.of("tap", 100, "cutouts", 20, "_default", 10), Map.of("tap", 2));
        QuotaLimits override = QuotaLimits.of(Map.of("tap", 5000), Map.of());

        assertEquals(QuotaLimits.of(Map.of("tap", 5000, "cutouts", 20, "_default", 10), Map.of("tap", 2)),
                override.over(granted));

        QuotaLimits blockAllButTap = QuotaLimits.of(Map.of("_default", 0, "tap", 60), Map.of("tap", 1));
        assertEquals(QuotaLimits.of(Map.of("tap", 60, "cutouts", 0, "_default", 0), Map.of("tap", 1)),
                blockAllButTap.over(granted));
        assertEquals(OptionalInt.of(0), blockAllButTap.perMinute("portal"));
        assertEquals(OptionalInt.empty(), override.perMinute("portal"), "the groups decide what it does not name");
        assertEquals(OptionalInt.empty(), override.atOnce("tap"));
    }

    @Test
    void theStoredTextReadsBackAsTheSameQuota() {
        QuotaLimits quota = QuotaLimits.of(Map.of("tap", 5000, "_default", 0, "vo-cutouts", 35), Map.of("tap", 4));
        assertEquals("api._default=0,api.tap=5000,api.vo-cutouts=35,concurrent.tap=4", quota.toText());
        assertEquals(quota, QuotaLimits.fromText(quota.toText()));
        assertEquals(QuotaLimits.of(Map.of(), Map.of("tap", 3)), QuotaLimits.fromText("concurrent.tap=3"));
        assertEquals(QuotaLimits.of(Map.of("tap", 1), Map.of()), QuotaLimits.fromText("api.tap=1"));
        assertEquals(QuotaLimits.of(Map.of(), Map.of()), QuotaLimits.fromText(""));
    }

    @Test
    void badServicesAndAmountsAreRefusedNamingTheField() {
        Map<String, Integer> tooMany = IntStream.range(0, QuotaLimits.MAX_SERVICES + 1).boxed()
                .collect(Collectors.toMap(i -> "s" + i, i -> 1));
        for (Map<String, Integer> api : List.of(Map.of("TAP", 1), Map.of("a=b", 1), Map.of("tap,x", 1),
                Map.of("", 1), Map.of("tap", -1), Map.of("tap", QuotaLimits.MAX_PER_MINUTE + 1), tooMany)) {
            InvalidQuotaException refused = assertThrows(InvalidQuotaException.class,
                    () -> QuotaLimits.of(api, Map.of()), api.toString());
            assertEquals(RequestField.QUOTA_API, refused.field().orElseThrow());
        }
        for (Map<String, Integer> concurrent : List.of(Map.of("tap", 0), Map.of("tap", -1), Map.of("_default", 1),
                Map.of("tap", QuotaLimits.MAX_CONCURRENT + 1), Map.of("a,b", 1), tooMany)) {
            assertEquals(RequestField.QUOTA_CONCURRENT, assertThrows(InvalidQuotaException.class,
                    () -> QuotaLimits.of(Map.of(), concurrent), concurrent.toString()).field().orElseThrow());
        }
    }
}
