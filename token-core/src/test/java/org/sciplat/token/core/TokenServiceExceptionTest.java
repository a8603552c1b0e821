package org.sciplat.token.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind's status, type and location are what the anchor's clients parse, so they are pinned here. */
class TokenServiceExceptionTest {

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(new AuthenticationFailedException("x"), 401, "invalid_credentials", List.of()),
                Arguments.of(new InvalidTokenException("x"), 401, "invalid_token", List.of()),
                Arguments.of(new PermissionDeniedException("x"), 403, "permission_denied", List.of()),
                Arguments.of(new NotFoundException("x"), 404, "not_found", List.of()),
                Arguments.of(new NotFoundException("x", RequestField.KEY), 404, "not_found", List.of("path", "key")),
                Arguments.of(new DuplicateTokenNameException("x"), 409, "duplicate_token_name",
                        List.of("body", "token_name")),
                Arguments.of(new DatabaseUnavailableException("x", new RuntimeException()), 503,
                        "database_unavailable", List.of()),
                Arguments.of(new InvalidRequestException("x", RequestField.BODY), 422, "invalid_request",
                        List.of("body")),
                Arguments.of(new InvalidExpiresException(), 422, "invalid_expires", List.of("body", "expires")),
                Arguments.of(new InvalidScopesException("x"), 422, "invalid_scopes", List.of("body", "scopes")),
                Arguments.of(new InvalidTokenNameException("x"), 422, "invalid_token_name",
                        List.of("body", "token_name")),
                Arguments.of(new InvalidUsernameException("x"), 422, "invalid_username", List.of("body", "username")),
                Arguments.of(new InvalidTokenTypeException("x", RequestField.TOKEN_TYPE_FILTER), 422,
                        "invalid_token_type", List.of("query", "token_type")),
                Arguments.of(new InvalidIpAddressException("x"), 422, "invalid_ip_address", List.of()),
                Arguments.of(new InvalidIpAddressException("x", RequestField.IP_ADDRESS), 422, "invalid_ip_address",
                        List.of("query", "ip_address")),
                Arguments.of(new InvalidCursorException("x"), 422, "invalid_cursor", List.of("query", "cursor")),
                Arguments.of(new InvalidLimitException("x"), 422, "invalid_limit", List.of("query", "limit")),
                Arguments.of(new InvalidServiceException("x"), 422, "invalid_service", List.of("body", "service")),
                Arguments.of(new InvalidMinimumLifetimeException("x"), 422, "invalid_minimum_lifetime",
                        List.of("body", "minimum_lifetime")),
                Arguments.of(new NotASessionException(), 422, "not_a_session", List.of()));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void eachKindAnswersAsTheAnchorDoes(TokenServiceException e, int status, String type, List<String> loc) {
        assertEquals(status, e.status());
        assertEquals(type, e.type());
        assertEquals(loc, e.loc());
    }
}
