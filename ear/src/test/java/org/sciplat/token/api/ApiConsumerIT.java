package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Astronomer;
import org.sciplat.it.OnEveryDatabase;
import org.sciplat.it.TestServer;
import org.sciplat.token.client.ApiClient;
import org.sciplat.token.client.ApiException;
import org.sciplat.token.client.ApiResponse;
import org.sciplat.token.client.api.AdministrationApi;
import org.sciplat.token.client.api.CallerApi;
import org.sciplat.token.client.api.HistoryApi;
import org.sciplat.token.client.api.HistoryApi.APIGetTokenChangeHistoryRequest;
import org.sciplat.token.client.api.HistoryApi.APIGetUserTokenChangeHistoryRequest;
import org.sciplat.token.client.api.ServiceApi;
import org.sciplat.token.client.api.SessionApi;
import org.sciplat.token.client.api.TokenExchangeApi;
import org.sciplat.token.client.api.TokenExchangeApi.APIExchangeTokenRequest;
import org.sciplat.token.client.api.TokensApi;
import org.sciplat.token.client.api.TokensApi.APICreateUserTokenRequest;
import org.sciplat.token.client.api.TokensApi.APIListUserTokensRequest;
import org.sciplat.token.client.api.TokensApi.APIRevokeTokenRequest;
import org.sciplat.token.client.model.AdminTokenRequest;
import org.sciplat.token.client.model.ErrorBody;
import org.sciplat.token.client.model.ErrorDetail;
import org.sciplat.token.client.model.NewToken;
import org.sciplat.token.client.model.OAuthError;
import org.sciplat.token.client.model.Session;
import org.sciplat.token.client.model.Token;
import org.sciplat.token.client.model.TokenChange;
import org.sciplat.token.client.model.TokenExchangeResponse;
import org.sciplat.token.client.model.UserTokenRequest;

/**
 * A consumer's whole story told with the Java client the build generates from the API's OpenAPI document
 * (org.sciplat.token.client, see ear/pom.xml), as anyone generating a client from /openapi gets it: what breaks a
 * generated client breaks this test, or its compilation.
 */
@OnEveryDatabase
class ApiConsumerIT {

    private static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    private static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";
    private static final Consumer<HttpRequest.Builder> ANONYMOUS = request -> { };
    private static final Pattern NEXT_CURSOR = Pattern.compile("<([^>]*)>; rel=\"next\"");

    @Test
    void logsInThenCreatesListsFollowsExchangesAndRevokesAToken() throws ApiException {
        assertTrue(new ServiceApi(client(ANONYMOUS)).getServiceMetadata().getSchemaVersion().matches("\\d+"));

        CookieManager cookies = new CookieManager();
        ApiClient browser = new ApiClient(HttpClient.newBuilder().cookieHandler(cookies),
                ApiClient.createDefaultObjectMapper(), TestServer.BASE_URL + "/auth");
        Session session = new SessionApi(browser).login(Astronomer.USERNAME, Astronomer.PASSWORD);
        assertEquals(Astronomer.USERNAME, session.getUsername());
        assertTrue(session.getScopes().contains("user:token"), session.toString());
        String sessionToken = Api.remember(cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> "sciplat_session".equals(cookie.getName())).findFirst().orElseThrow().getValue());
        browser.setRequestInterceptor(request -> request.header("X-CSRF-Token", session.getCsrf()));

        TokensApi tokens = new TokensApi(browser);
        String name = "generated-client-" + UUID.randomUUID();
        Long expires = Instant.now().plus(1, ChronoUnit.DAYS).getEpochSecond();
        UserTokenRequest request = new UserTokenRequest().tokenName(name).scopes(List.of("read:tap", "user:token"))
                .expires(expires);
        String token = Api.remember(tokens.createUserToken(APICreateUserTokenRequest.newBuilder()
                .username(Astronomer.USERNAME).userTokenRequest(request).build()).getToken());
        String key = Api.key(token);

        Token listed = tokens.listUserTokens(APIListUserTokensRequest.newBuilder().username(Astronomer.USERNAME)
                .build()).stream().filter(t -> key.equals(t.getToken())).findFirst().orElseThrow();
        assertEquals(name, listed.getTokenName());
        assertEquals("user", listed.getTokenType());
        assertEquals(List.of("read:tap", "user:token"), listed.getScopes());
        assertEquals(expires, listed.getExpires());

        ApiClient tool = client(bearer(token));
        assertEquals(key, new CallerApi(tool).getTokenInfo().getToken(), "the token presents itself");
        ApiResponse<List<TokenChange>> history = new HistoryApi(tool).getTokenChangeHistoryWithHttpInfo(
                APIGetTokenChangeHistoryRequest.newBuilder().username(Astronomer.USERNAME).key(key).build());
        assertEquals(List.of("create"), history.getData().stream().map(TokenChange::getAction).toList());
        assertEquals(name, history.getData().get(0).getTokenName());
        assertEquals("1", header(history, "X-Total-Count"));
        assertTrue(header(history, "Link").contains("rel=\"first\""), header(history, "Link"));
        followsTheNextLink(new HistoryApi(tool));

        TokenExchangeResponse exchanged = new TokenExchangeApi(client(ANONYMOUS))
                .exchangeToken(exchange(token).scope("read:tap").build());
        assertEquals("Bearer", exchanged.getTokenType());
        assertEquals("read:tap", exchanged.getScope());
        assertEquals(key, new CallerApi(client(bearer(exchanged.getAccessToken()))).getTokenInfo().getToken(),
                "the JWT acts as the token it was exchanged from");

        ErrorDetail duplicate = refusal(409, browser.getObjectMapper(), () -> tokens.createUserToken(
                APICreateUserTokenRequest.newBuilder().username(Astronomer.USERNAME).userTokenRequest(request)
                        .build()));
        assertEquals("duplicate_token_name", duplicate.getType());
        assertEquals(List.of("body", "token_name"), duplicate.getLoc());

        tokens.revokeToken(APIRevokeTokenRequest.newBuilder().username(Astronomer.USERNAME).key(key).build());
        assertEquals("invalid_token", refusal(401, tool.getObjectMapper(),
                () -> new CallerApi(tool).getTokenInfo()).getType());
        ApiException refusedExchange = assertThrows(ApiException.class, () -> new TokenExchangeApi(
                client(ANONYMOUS)).exchangeToken(exchange(token).build()));
        assertEquals(400, refusedExchange.getCode());
        assertEquals("invalid_grant", read(tool.getObjectMapper(), refusedExchange, OAuthError.class).getError());

        new SessionApi(browser).logout();
        ApiClient loggedOut = client(bearer(sessionToken));
        assertEquals("invalid_token", refusal(401, loggedOut.getObjectMapper(),
                () -> new CallerApi(loggedOut).getTokenInfo()).getType(), "logging out revoked the session");
    }

    @Test
    void operatorsAutomationCreatesTokensWithTheBootstrapToken() throws ApiException {
        ApiClient automation = client(bearer(System.getProperty("it.bootstrap.token")));
        AdministrationApi admin = new AdministrationApi(automation);

        NewToken created = admin.createTokenForUser(new AdminTokenRequest().username("observer")
                .tokenType(AdminTokenRequest.TokenTypeEnum.USER).tokenName("generated-client-" + UUID.randomUUID())
                .scopes(List.of("read:tap")));
        Token info = new CallerApi(client(bearer(Api.remember(created.getToken())))).getTokenInfo();
        assertEquals("observer", info.getUsername());
        assertEquals(List.of("read:tap"), info.getScopes());

        ErrorDetail refused = refusal(422, automation.getObjectMapper(), () -> admin.createTokenForUser(
                new AdminTokenRequest().username("observer").tokenType(AdminTokenRequest.TokenTypeEnum.SERVICE)));
        assertEquals("invalid_username", refused.getType());
        assertEquals(List.of("body", "username"), refused.getLoc());
    }

    /** Pages of one row: the next page is the Link header's, passed on as its cursor. */
    private static void followsTheNextLink(HistoryApi history) throws ApiException {
        APIGetUserTokenChangeHistoryRequest.Builder first = APIGetUserTokenChangeHistoryRequest.newBuilder()
                .username(Astronomer.USERNAME).limit(1);
        ApiResponse<List<TokenChange>> page = history.getUserTokenChangeHistoryWithHttpInfo(first.build());
        assertEquals(1, page.getData().size());
        assertTrue(Integer.parseInt(header(page, "X-Total-Count")) >= 2, "a session and a user token at least");
        Matcher next = NEXT_CURSOR.matcher(header(page, "Link"));
        assertTrue(next.find(), header(page, "Link"));
        String cursor = queryParameter(URI.create(next.group(1)), "cursor");

        ApiResponse<List<TokenChange>> second = history.getUserTokenChangeHistoryWithHttpInfo(
                first.cursor(cursor).build());
        assertEquals(1, second.getData().size());
        assertNotEquals(page.getData().get(0), second.getData().get(0));
        assertTrue(header(second, "Link").contains("rel=\"prev\""), header(second, "Link"));
    }

    private static ApiClient client(Consumer<HttpRequest.Builder> credential) {
        ApiClient client = new ApiClient(HttpClient.newBuilder(), ApiClient.createDefaultObjectMapper(),
                TestServer.BASE_URL + "/auth");
        client.setRequestInterceptor(credential);
        return client;
    }

    private static Consumer<HttpRequest.Builder> bearer(String token) {
        return request -> request.header("Authorization", Api.bearer(token));
    }

    private static APIExchangeTokenRequest.Builder exchange(String token) {
        return APIExchangeTokenRequest.newBuilder().grantType(GRANT_TYPE).subjectToken(token)
                .subjectTokenType(ACCESS_TOKEN);
    }

    /** The only detail of the typed error body a refused call answers with its status. */
    private static ErrorDetail refusal(int status, ObjectMapper json, Call call) {
        ApiException refused = assertThrows(ApiException.class, call::run);
        assertEquals(status, refused.getCode(), refused.getResponseBody());
        List<ErrorDetail> details = read(json, refused, ErrorBody.class).getDetail();
        assertEquals(1, details.size(), refused.getResponseBody());
        return details.get(0);
    }

    private static <T> T read(ObjectMapper json, ApiException refused, Class<T> type) {
        try {
            return json.readValue(refused.getResponseBody(), type);
        } catch (IOException e) {
            throw new AssertionError("Not a " + type.getSimpleName() + ": " + refused.getResponseBody(), e);
        }
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().getOrDefault(name, List.of()).stream().findFirst().orElse("");
    }

    private static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No " + name + " in " + uri);
    }

    /** A call through the generated client that the server is to refuse. */
    @FunctionalInterface
    private interface Call {
        void run() throws ApiException;
    }
}
