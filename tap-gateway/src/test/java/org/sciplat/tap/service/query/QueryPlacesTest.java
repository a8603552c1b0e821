package org.sciplat.tap.service.query;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryPlacesTest {

    private QueryPlaces cut;

    @BeforeEach
    void fourPlacesTwoPerUser() {
        cut = new QueryPlaces();
        cut.maxRunning = 4;
        cut.perUserRunning = 2;
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
