package org.sciplat.token.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.InvalidCursorException;
import org.sciplat.token.core.InvalidIpAddressException;
import org.sciplat.token.core.InvalidLimitException;
import org.sciplat.token.core.NotFoundException;
import org.sciplat.token.core.PermissionDeniedException;
import org.sciplat.token.core.schema.InMemoryDatabase;
import org.sciplat.token.core.token.NewToken;
import org.sciplat.token.core.token.TokenChangeAction;
import org.sciplat.token.core.token.TokenChanges;
import org.sciplat.token.core.token.TokenDomain;
import org.sciplat.token.core.token.TokenType;
import org.sciplat.token.core.token.Tokens;
import org.sciplat.token.core.token.UtcTime;
import org.sciplat.token.core.token.VerifiedToken;

/** What the history records of each change, and how it is searched, against the store. */
class TokenHistoryTest {

    private static final AtomicInteger USERS = new AtomicInteger();

    private static TokenDomain domain;
    private static TokenHistory history;
    private static HistoryStore store;
    private static Tokens tokens;
    private String username;
    private VerifiedToken dave;

    @BeforeAll
    static void database() {
        domain = new TokenDomain(InMemoryDatabase.migrated("tokens-history"));
        store = new HistoryStore(domain.entityManager());
        history = new TokenHistory();
        history.store = store;
        domain.observe(history::record);
        tokens = domain.tokens();
    }

    @AfterAll
    static void close() {
        domain.close();
    }

    @BeforeEach
    void someone() {
        username = "dave-" + USERS.incrementAndGet();
        dave = domain.user(username, "read:tap", "read:image");
    }

    @Test
    void aCreationRecordsTheWholeTokenWhoAndFromWhere() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        NewToken laptop = create("laptop", "2001:db8::1");

        TokenChangeEntry row = only(HistoryQuery.all().forKey(laptop.info().key()));
        assertEquals(TokenChangeAction.CREATE, row.action());
        assertEquals(laptop.info().key(), row.key());
        assertEquals(username, row.username());
        assertEquals(TokenType.USER, row.type());
        assertEquals("laptop", row.name());
        assertEquals(Set.of("read:tap"), row.scopes());
        assertEquals(username, row.actor());
        assertEquals("2001:db8::1", row.ipAddress());
        assertFalse(row.eventTime().isBefore(before));
        assertNull(row.oldName());
        assertNull(row.oldScopes());
    }

    @Test
    void anEditRecordsTheOldValuesOfWhatChangedOnly() {
        NewToken laptop = create("laptop", null);

        domain.inTransaction(() -> tokens.modify(domain.bootstrap(), username, laptop.info().key(),
                new TokenChanges("work laptop", null, null, null), "192.0.2.9"));

        TokenChangeEntry edit = newest(HistoryQuery.all().forKey(laptop.info().key()));
        assertEquals(TokenChangeAction.EDIT, edit.action());
        assertEquals("work laptop", edit.name());
        assertEquals("laptop", edit.oldName());
        assertNull(edit.oldScopes(), "the scopes did not change");
        assertNull(edit.oldExpires());
        assertNull(edit.oldDescription(), "the description did not change");
        assertEquals(VerifiedToken.BOOTSTRAP_ACTOR, edit.actor());

        domain.inTransaction(() -> tokens.modify(domain.bootstrap(), username, laptop.info().key(),
                new TokenChanges(null, Optional.of("TOPCAT at work"), null, null), "192.0.2.9"));
        domain.inTransaction(() -> tokens.modify(domain.bootstrap(), username, laptop.info().key(),
                new TokenChanges(null, Optional.of("TOPCAT at home"), null, null), "192.0.2.9"));

        TokenChangeEntry described = newest(HistoryQuery.all().forKey(laptop.info().key()));
        assertEquals("TOPCAT at home", described.description());
        assertEquals("TOPCAT at work", described.oldDescription());
        assertNull(described.oldName(), "the name did not change");
    }

    @Test
    void aRevocationRecordsEveryTokenOfTheTree() {
        String session = domain.session(username, "exec:notebook");
        VerifiedToken caller = domain.verify(session);
        NewToken notebook = domain.inTransaction(() -> domain.delegations().notebook(caller, session, null, null));

        domain.inTransaction(() -> tokens.revoke(dave, username, caller.key(), "192.0.2.10"));

        List<TokenChangeEntry> revocations = search(HistoryQuery.all().forKey(caller.key())).entries().stream()
                .filter(e -> e.action() == TokenChangeAction.REVOKE).toList();
        assertEquals(Set.of(caller.key(), notebook.info().key()),
                revocations.stream().map(TokenChangeEntry::key).collect(Collectors.toSet()),
                "the session and its child, which the key filter finds too");
        assertTrue(revocations.stream().allMatch(e -> e.actor().equals(username)
                && e.ipAddress().equals("192.0.2.10")));
    }

    @Test
    void anExpiryIsRecordedByTheInternalActor() {
        VerifiedToken admin = domain.bootstrap();
        NewToken brief = domain.inTransaction(() -> tokens.createForUser(admin, username, TokenType.USER, "brief", null,
                Set.of(), Instant.now().plus(Duration.ofMinutes(6)), null));
        domain.inTransaction(() -> domain.entityManager()
                .createQuery("UPDATE Token t SET t.expires = :past WHERE t.key = :key")
                .setParameter("past", UtcTime.toColumn(Instant.now().minus(Duration.ofDays(1))))
                .setParameter("key", brief.info().key())
                .executeUpdate());

        domain.inTransaction(() -> domain.expiry().expireTokens());

        TokenChangeEntry expiry = newest(HistoryQuery.all().forKey(brief.info().key()));
        assertEquals(TokenChangeAction.EXPIRE, expiry.action());
        assertEquals("<internal>", expiry.actor());
        assertNull(expiry.ipAddress());
    }

    @Test
    void filtersByAddressOrBlockTypeActorAndTime() {
        create("one", "10.1.2.3");
        create("two", "10.1.9.9");
        create("three", "2001:db8::5");

        assertEquals(2, search(byIp("10.1.0.0/16")).total());
        assertEquals(1, search(byIp("10.1.2.3")).total());
        assertEquals(1, search(byIp("2001:db8::/32")).total());
        assertEquals(4, search(new HistoryQuery(null, null, username, null, null, TokenType.USER, null)).total(),
                "the administrator's creation of the user's first token, and the user's three");
        assertEquals(3, search(new HistoryQuery(null, null, username, username, null, null, null)).total());
        Instant future = Instant.now().plus(Duration.ofHours(1));
        assertEquals(0, search(new HistoryQuery(future, null, username, null, null, null, null)).total());
        assertEquals(4, search(new HistoryQuery(null, future, username, null, null, null, null)).total());
        assertThrows(InvalidIpAddressException.class,
                () -> search(byIp("10.1.0.0/99")));
    }

    @Test
    void pagesWalkForwardAndBackWithTheirCursors() {
        for (int i = 0; i < 5; i++) {
            create("token " + i, null);
        }
        List<String> all = search(HistoryQuery.all().forUser(username)).entries().stream()
                .map(TokenChangeEntry::name).toList();

        HistoryPage first = page(null, 2);
        HistoryPage second = page(first.next().orElseThrow(), 2);
        HistoryPage third = page(second.next().orElseThrow(), 2);
        HistoryPage back = page(second.previous().orElseThrow(), 2);

        assertEquals(6, first.total());
        assertTrue(first.previous().isEmpty());
        List<String> walked = new ArrayList<>();
        for (HistoryPage page : List.of(first, second, third)) {
            page.entries().forEach(e -> walked.add(e.name()));
        }
        assertEquals(all, walked, "newest first, every row once");
        assertTrue(third.next().isEmpty());
        assertEquals(first.entries(), back.entries());
    }

    @Test
    void aLimitOutOfRangeOrAForeignCursorIsRefused() {
        assertThrows(InvalidLimitException.class, () -> page(null, 0));
        assertThrows(InvalidLimitException.class, () -> page(null, TokenHistory.MAX_PAGE + 1));
        assertThrows(InvalidCursorException.class, () -> page("tomorrow", 10));
    }

    @Test
    void onlyTheOwnerOrAnAdministratorReadsAUsersHistory() {
        VerifiedToken erin = domain.user("erin-" + USERS.incrementAndGet());

        assertThrows(PermissionDeniedException.class, () -> domain.inTransaction(
                () -> history.ofUser(erin, username, HistoryQuery.all(), null, 10)));
        assertThrows(PermissionDeniedException.class, () -> domain.inTransaction(
                () -> history.all(dave, HistoryQuery.all(), null, 10)));
        assertEquals(1, domain.inTransaction(
                () -> history.all(domain.bootstrap(), HistoryQuery.all().forUser(username), null, 10)).total());
        assertThrows(NotFoundException.class, () -> domain.inTransaction(
                () -> history.ofToken(dave, username, "AAAAAAAAAAAAAAAAAAAAAA", HistoryQuery.all(), null, 10)));
    }

    @Test
    void revocationsEditsAndExpiriesInvalidateCachesCreationsDoNot() {
        Instant since = Instant.now().minusSeconds(1);
        NewToken laptop = create("laptop", null);
        domain.inTransaction(() -> tokens.revoke(dave, username, laptop.info().key(), null));

        List<String> invalidated = List.copyOf(domain.inTransaction(() -> store.invalidatingChangesSince(since))
                .values());

        assertTrue(invalidated.contains(laptop.info().key()));
        assertFalse(invalidated.contains(dave.key()), "a creation leaves caches right");
    }

    @Test
    void rowsOlderThanTheCutOffAreDropped() {
        create("laptop", null);

        int dropped = domain.inTransaction(() -> history.dropBefore(Instant.now().plus(Duration.ofMinutes(1))));

        assertTrue(dropped >= 2);
        assertEquals(0, search(HistoryQuery.all().forUser(username)).total());
    }

    private NewToken create(String name, String ipAddress) {
        return domain.inTransaction(() -> tokens.createUserToken(dave, username, name, null, Set.of("read:tap"), null,
                ipAddress));
    }

    private HistoryQuery byIp(String addressOrBlock) {
        return new HistoryQuery(null, null, username, null, null, null, addressOrBlock);
    }

    private HistoryPage search(HistoryQuery query) {
        return domain.inTransaction(() -> history.all(domain.bootstrap(), query, null, TokenHistory.MAX_PAGE));
    }

    private HistoryPage page(String cursor, int limit) {
        return domain.inTransaction(() -> history.ofUser(dave, username, HistoryQuery.all(), cursor, limit));
    }

    private TokenChangeEntry only(HistoryQuery query) {
        List<TokenChangeEntry> rows = search(query).entries();
        assertEquals(1, rows.size(), rows::toString);
        return rows.get(0);
    }

    private TokenChangeEntry newest(HistoryQuery query) {
        return search(query).entries().get(0);
    }
}
