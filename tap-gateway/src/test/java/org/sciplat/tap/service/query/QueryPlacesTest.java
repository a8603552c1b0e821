package org.sciplat.tap.service.query;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.quota.UserQuotas;

class QueryPlacesTest {

    private QueryPlaces cut;

    @BeforeEach
    void fourPlacesTwoPerUser() {
        cut = new QueryPlaces();
        cut.maxRunning = 4;
        cut.perUserRunning = 2;
        cut.quotas = new UserQuotas() {
            @Override
            public OptionalInt atOnce(String username, String service) {
                return username.equals("thesis") && service.equals("tap") ? OptionalInt.of(3) : OptionalInt.empty();
            }
        };
    }

    @Test
    void aUserWithAQuotaOfTheirOwnRunsThatManyOthersTheDefault() {
        cut.take("thesis");
        cut.take("thesis");
        cut.take("thesis");

        TooManyQueriesException refused = assertThrows(TooManyQueriesException.class, () -> cut.take("thesis"));
        assertTrue(refused.getMessage().contains("3 queries"), refused.getMessage());
        assertTrue(cut.tryTake("modest").isPresent());
    }

    @Test
    void aUserHoldingAllTheirPlacesIsToldSoWhileOthersStillGetOne() {
        cut.take("greedy");
        cut.take("greedy");

        assertThrows(TooManyQueriesException.class, () -> cut.take("greedy"));
        assertTrue(cut.tryTake("greedy").isEmpty());
        assertTrue(cut.tryTake("modest").isPresent());
    }

    @Test
    void whenEveryPlaceIsTakenTheServiceIsBusyForEveryone() {
        cut.take("a");
        cut.take("a");
        cut.take("b");
        cut.take("c");

        ServiceBusyException busy = assertThrows(ServiceBusyException.class, () -> cut.take("d"));
        assertTrue(!(busy instanceof TooManyQueriesException), "the service's limit, not the user's");
        assertTrue(cut.tryTake("d").isEmpty());
    }

    @Test
    void aPlaceClosedTwiceIsGivenBackOnce() {
        QueryPlaces.Place first = cut.take("a");
        cut.take("a");
        cut.take("b");
        cut.take("c");

        first.close();
        first.close();

        assertTrue(cut.tryTake("d").isPresent(), "the place closed is free again");
        assertTrue(cut.tryTake("e").isEmpty(), "but only that one");
        assertTrue(cut.tryTake("a").isEmpty(), "and the service is full");
    }
}
