package org.sciplat.token.core.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sciplat.token.core.DuplicateTokenNameException;
import org.sciplat.token.core.InvalidExpiresException;
import org.sciplat.token.core.InvalidMinimumLifetimeException;
import org.sciplat.token.core.InvalidScopesException;
import org.sciplat.token.core.InvalidServiceException;
import org.sciplat.token.core.InvalidTokenDescriptionException;
import org.sciplat.token.core.InvalidTokenNameException;
import org.sciplat.token.core.InvalidTokenTypeException;
import org.sciplat.token.core.InvalidUsernameException;
import org.sciplat.token.core.NotFoundException;
import org.sciplat.token.core.PermissionDeniedException;
import org.sciplat.token.core.schema.InMemoryDatabase;

/** The anchor's token rules, against the store on a migrated in-memory database. */
class TokensTest {

    private static final String IP = "198.51.100.7";
    private static final AtomicInteger USERS = new AtomicInteger();

    private static final List<TokenChanged> announced = new ArrayList<>();
    private static TokenDomain domain;
    private String username;
    private VerifiedToken alice;

    @BeforeAll
    static void database() {
        domain = new TokenDomain(InMemoryDatabase.migrated("tokens-rules"));
        domain.observe(announced::add);
    }

    @AfterAll
    static void close() {
        domain.close();
    }

    @BeforeEach
    void someone() {
        username = "alice-" + USERS.incrementAndGet();
        alice = domain.user(username, "read:tap", "read:image");
        announced.clear();
    }

    @Test
    void aUserCreatesANamedTokenWithinTheirScopes() {
        Instant expires = Instant.now().plus(Duration.ofDays(2)).plusMillis(700);

        NewToken created = create("laptop", Set.of("read:tap"), expires);

        TokenInfo stored = domain.inTransaction(() -> domain.tokens().get(alice, username, created.info().key()));
        assertEquals("laptop", stored.name());
        assertEquals(TokenType.USER, stored.type());
        assertEquals(Set.of("read:tap"), stored.scopes());
        assertEquals(expires.truncatedTo(ChronoUnit.SECONDS), stored.expires(), "to the second, as stored");
        assertEquals(username, domain.verify(created.credential().reveal()).username());
        assertEquals(List.of(TokenChangeAction.CREATE), actions());
        assertEquals(username, announced.get(0).actor());
        assertEquals(IP, announced.get(0).ipAddress());
    }

    @Test
    void aNameIsOneToSixtyFourCharactersWithoutControlCharacters() {
        assertThrows(InvalidTokenNameException.class, () -> create("", Set.of(), null));
        assertThrows(InvalidTokenNameException.class, () -> create(null, Set.of(), null));
        assertThrows(InvalidTokenNameException.class, () -> create("x".repeat(65), Set.of(), null));
        assertThrows(InvalidTokenNameException.class, () -> create("tab\there", Set.of(), null));
        assertEquals(64, create("x".repeat(64), Set.of(), null).info().name().length());
    }

    @Test
    void scopesMustBeKnownAndNoBroaderThanTheCallers() {
        assertThrows(InvalidScopesException.class, () -> create("broad", Set.of("exec:notebook"), null));
        assertThrows(InvalidScopesException.class, () -> create("unknown", Set.of("read:everything"), null));
        assertTrue(announced.isEmpty(), "a refused creation announces nothing");
    }

    @Test
    void anExpiryMustLeaveAtLeastFiveMinutes() {
        assertThrows(InvalidExpiresException.class,
                () -> create("soon", Set.of(), Instant.now().plus(Duration.ofMinutes(4))));
        assertThrows(InvalidExpiresException.class, () -> create("past", Set.of(), Instant.now().minusSeconds(1)));
        assertNull(create("never", Set.of(), null).info().expires(), "no expiry is allowed");
        create("later", Set.of(), Instant.now().plus(Duration.ofMinutes(6)));
    }

    @Test
    void aNameIsUniqueAmongAUsersTokensOnly() {
        create("laptop", Set.of(), null);

        assertThrows(DuplicateTokenNameException.class, () -> create("laptop", Set.of(), null));
        assertFalse(domain.inTransaction(() -> domain.tokens().isNameAvailable(alice, username, "laptop")));
        assertTrue(domain.inTransaction(() -> domain.tokens().isNameAvailable(alice, username, "desktop")));
        VerifiedToken bob = domain.user("bob-" + USERS.incrementAndGet());
        domain.inTransaction(() -> domain.tokens().createUserToken(bob, bob.username(), "laptop", null, Set.of(), null, IP));
    }

    @Test
    void tokensAreCreatedForYourselfOnlyAndNotWithTheBootstrapToken() {
        VerifiedToken bob = domain.user("bob-" + USERS.incrementAndGet());

        assertThrows(PermissionDeniedException.class, () -> domain.inTransaction(
                () -> domain.tokens().createUserToken(alice, bob.username(), "theirs", null, Set.of(), null, IP)));
        assertThrows(PermissionDeniedException.class, () -> domain.inTransaction(
                () -> domain.tokens().createUserToken(domain.bootstrap(), "bootstrap", "x", null, Set.of(), null, IP)));
        assertThrows(PermissionDeniedException.class, () -> domain.inTransaction(
                () -> domain.tokens().list(alice, bob.username())));
    }

    @Test
    void serviceTokensAreForBotsUnnamedAndMadeByAdministrators() {
        VerifiedToken admin = domain.bootstrap();

        NewToken bot = domain.inTransaction(() -> domain.tokens().createForUser(admin, "bot-ingest", TokenType.SERVICE,
                null, null, Set.of("read:tap"), null, IP));
        assertEquals(TokenType.SERVICE, domain.verify(bot.credential().reveal()).type());
        assertThrows(InvalidUsernameException.class, () -> domain.inTransaction(() -> domain.tokens().createForUser(
                admin, username, TokenType.SERVICE, null, null, Set.of(), null, IP)));
        assertThrows(InvalidTokenNameException.class, () -> domain.inTransaction(() -> domain.tokens().createForUser(
                admin, "bot-ingest", TokenType.SERVICE, "named", null, Set.of(), null, IP)));
        assertThrows(InvalidTokenTypeException.class, () -> domain.inTransaction(() -> domain.tokens().createForUser(
                admin, username, TokenType.NOTEBOOK, null, null, Set.of(), null, IP)));
        assertThrows(InvalidUsernameException.class, () -> domain.inTransaction(() -> domain.tokens().createForUser(
                admin, "Not A User", TokenType.USER, "x", null, Set.of(), null, IP)));
        assertThrows(PermissionDeniedException.class, () -> domain.inTransaction(() -> domain.tokens().createForUser(
                alice, "bot-ingest", TokenType.SERVICE, null, null, Set.of(), null, IP)));
    }

    @Test
    void anotherUsersKeyIsNotFound() {
        NewToken mine = create("mine", Set.of(), null);
        VerifiedToken bob = domain.user("bob-" + USERS.incrementAndGet());

        assertThrows(NotFoundException.class, () -> domain.inTransaction(
                () -> domain.tokens().get(domain.bootstrap(), bob.username(), mine.info().key())));
        assertThrows(NotFoundException.class, () -> domain.inTransaction(
                () -> domain.tokens().get(alice, username, "not-a-key")));
    }

    @Test
    void revokingASessionRevokesEverythingDelegatedFromItDeepestFirst() {
        String session = domain.session(username, "read:tap", "exec:notebook");
        VerifiedToken caller = domain.verify(session);
        NewToken notebook = domain.inTransaction(() -> domain.delegations().notebook(caller, session, null, IP));
        NewToken internal = domain.inTransaction(() -> domain.delegations().internal(caller, session, "portal",
                Set.of("read:tap"), null, IP));
        announced.clear();

        domain.inTransaction(() -> domain.tokens().revoke(alice, username, caller.key(), IP));

        for (NewToken child : List.of(notebook, internal)) {
            assertTrue(domain.store().find(child.info().key()).isEmpty(), "delegated tokens go with the session");
        }
        assertTrue(domain.store().find(caller.key()).isEmpty());
        assertEquals(List.of(TokenChangeAction.REVOKE, TokenChangeAction.REVOKE, TokenChangeAction.REVOKE),
                actions());
        assertEquals(caller.key(), announced.get(2).token().key(), "the session last, after its children");
    }

    @Test
    void anAdministratorEditsAUserTokenAndOnlyAUserToken() {
        NewToken laptop = create("laptop", Set.of("read:tap"), null);
        create("desktop", Set.of(), null);
        String key = laptop.info().key();
        Instant expires = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        assertEquals(Set.of("read:tap"), domain.verify(laptop.credential().reveal()).scopes());

        assertThrows(PermissionDeniedException.class, () -> edit(alice, key, new TokenChanges("x", null, null, null)));
        assertThrows(DuplicateTokenNameException.class,
                () -> edit(domain.bootstrap(), key, new TokenChanges("desktop", null, null, null)));
        TokenInfo edited = edit(domain.bootstrap(), key,
                new TokenChanges("work laptop", null, Set.of("read:image"), Optional.of(expires)));

        assertEquals("work laptop", edited.name());
        assertEquals(Set.of("read:image"), edited.scopes());
        assertEquals(expires, edited.expires());
        TokenChanged change = announced.get(announced.size() - 1);
        assertEquals(TokenChangeAction.EDIT, change.action());
        assertEquals("laptop", change.before().orElseThrow().name());
        assertEquals(Set.of("read:image"), domain.verify(laptop.credential().reveal()).scopes(),
                "the verifier forgets the edited token");
        String session = domain.session(username);
        assertThrows(PermissionDeniedException.class, () -> edit(domain.bootstrap(), domain.verify(session).key(),
                new TokenChanges("named", null, null, null)));
    }

    @Test
    void aDescriptionIsOneLineOfPlainTextKeptAndEditedLikeTheName() {
        NewToken laptop = domain.inTransaction(() -> domain.tokens().createUserToken(alice, username, "described",
                "  TAP queries from my laptop  ", Set.of(), null, IP));
        assertEquals("TAP queries from my laptop", laptop.info().description());
        for (String hostile : List.of("two\nlines", "tab\there", "<b>bold</b>", "a > b", "\u0000",
                "x".repeat(Token.MAX_DESCRIPTION_LENGTH + 1))) {
            assertThrows(InvalidTokenDescriptionException.class, () -> domain.inTransaction(() -> domain.tokens()
                    .createUserToken(alice, username, "hostile", hostile, Set.of(), null, IP)), hostile);
        }
        String longest = "x".repeat(Token.MAX_DESCRIPTION_LENGTH);
        assertEquals(longest, domain.inTransaction(() -> domain.tokens().createUserToken(alice, username, "long",
                longest, Set.of(), null, IP)).info().description());
        String key = laptop.info().key();

        TokenInfo edited = edit(domain.bootstrap(), key,
                new TokenChanges(null, Optional.of("pyvo on the cluster"), null, null));
        assertEquals("pyvo on the cluster", edited.description());
        assertEquals("TAP queries from my laptop",
                announced.get(announced.size() - 1).before().orElseThrow().description());
        assertThrows(InvalidTokenDescriptionException.class, () -> edit(domain.bootstrap(), key,
                new TokenChanges(null, Optional.of("<script>"), null, null)));
        assertNull(edit(domain.bootstrap(), key, new TokenChanges(null, Optional.empty(), null, null)).description(),
                "present but empty removes it");
        assertNull(edit(domain.bootstrap(), key, new TokenChanges(null, Optional.of(" "), null, null)).description());
    }

    @Test
    void shorteningATokensExpiryShortensItsDescendants() {
        NewToken parent = create("parent", Set.of(), null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TokenCredential child = TokenCredential.generate();
        domain.inTransaction(() -> domain.store().add(new Token(child, username, TokenType.INTERNAL, null, null, Set.of(),
                "portal", parent.info().key(), now, null)));
        Instant expires = now.plus(Duration.ofHours(1));

        edit(domain.bootstrap(), parent.info().key(), new TokenChanges(null, null, null, Optional.of(expires)));

        assertEquals(expires, domain.store().find(child.key()).orElseThrow().expires());
        assertEquals(2, announced.stream().filter(c -> c.action() == TokenChangeAction.EDIT).count());
    }

    @Test
    void anEmptyEditChangesAndAnnouncesNothing() {
        NewToken laptop = create("laptop", Set.of(), null);
        announced.clear();

        assertEquals(laptop.info(), edit(domain.bootstrap(), laptop.info().key(), new TokenChanges(null, null, null, null)));
        assertTrue(announced.isEmpty());
    }

    @Test
    void aSessionsNotebookTokenIsReusedWhileFreshEnough() {
        String session = domain.session(username, "read:tap", "exec:notebook");
        VerifiedToken caller = domain.verify(session);

        NewToken first = domain.inTransaction(() -> domain.delegations().notebook(caller, session, null, IP));
        NewToken again = domain.inTransaction(() -> domain.delegations().notebook(caller, session, null, IP));

        assertEquals(first.info().key(), again.info().key());
        assertEquals(first.credential().reveal(), again.credential().reveal(), "derived from the session");
        assertEquals(caller.scopes(), first.info().scopes());
        assertEquals(caller.key(), first.info().parentKey());
        assertEquals(List.of(TokenChangeAction.CREATE), actions(), "one creation");
        String second = domain.session(username, "read:tap", "exec:notebook");
        VerifiedToken other = domain.verify(second);
        assertNotEquals(first.info().key(), domain.inTransaction(() -> domain.delegations().notebook(other, second,
                null, IP)).info().key(), "another session, another notebook token");
    }

    @Test
    void anInternalTokenHasTheRequestedScopesTheSessionHolds() {
        String session = domain.session(username, "read:tap");
        VerifiedToken caller = domain.verify(session);

        NewToken internal = domain.inTransaction(() -> domain.delegations().internal(caller, session, "portal",
                Set.of("read:tap", "write:files"), null, IP));

        assertEquals(Set.of("read:tap"), internal.info().scopes());
        assertEquals("portal", internal.info().service());
        assertThrows(InvalidServiceException.class, () -> domain.inTransaction(() -> domain.delegations().internal(
                caller, session, "Not A Service", Set.of(), null, IP)));
        assertThrows(InvalidMinimumLifetimeException.class, () -> domain.inTransaction(() -> domain.delegations()
                .notebook(caller, session, TokenDomain.SESSION_LIFETIME, IP)));
    }

    @Test
    void onlyALoginSessionDelegates() {
        NewToken user = create("laptop", Set.of(), null);
        String presented = user.credential().reveal();
        VerifiedToken caller = domain.verify(presented);

        assertThrows(PermissionDeniedException.class, () -> domain.inTransaction(
                () -> domain.delegations().notebook(caller, presented, null, IP)));
        String session = domain.session(username);
        VerifiedToken sessionCaller = domain.verify(session);
        assertThrows(PermissionDeniedException.class, () -> domain.inTransaction(
                () -> domain.delegations().notebook(sessionCaller, presented, null, IP)),
                "the session itself must be presented");
    }

    @Test
    void expiredTokensAreDeletedAsExpiredByTheInternalActor() {
        Instant past = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        TokenCredential old = TokenCredential.generate();
        domain.inTransaction(() -> domain.store().add(new Token(old, username, TokenType.USER, "old", null, Set.of(), null,
                null, past.minus(Duration.ofDays(1)), past)));
        announced.clear();

        int expired = domain.inTransaction(() -> domain.expiry().expireTokens());

        assertTrue(expired >= 1);
        assertTrue(domain.store().find(old.key()).isEmpty());
        TokenChanged change = announced.stream().filter(c -> c.token().key().equals(old.key())).findFirst()
                .orElseThrow();
        assertEquals(TokenChangeAction.EXPIRE, change.action());
        assertEquals(TokenExpiry.INTERNAL_ACTOR, change.actor());
        assertNull(change.ipAddress());
    }

    private NewToken create(String name, Set<String> scopes, Instant expires) {
        return domain.inTransaction(() -> domain.tokens().createUserToken(alice, username, name, null, scopes, expires, IP));
    }

    private TokenInfo edit(VerifiedToken actor, String key, TokenChanges changes) {
        return domain.inTransaction(() -> domain.tokens().modify(actor, username, key, changes, IP));
    }

    private List<TokenChangeAction> actions() {
        return announced.stream().map(TokenChanged::action).toList();
    }
}
