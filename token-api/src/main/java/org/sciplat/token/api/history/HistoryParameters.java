package org.sciplat.token.api.history;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.sciplat.token.api.JsonFields;
import org.sciplat.token.core.InvalidLimitException;
import org.sciplat.token.core.InvalidTokenTypeException;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.history.HistoryPage;
import org.sciplat.token.core.history.HistoryQuery;
import org.sciplat.token.core.history.TokenHistory;
import org.sciplat.token.core.token.TokenType;

/** The query parameters every history route accepts, and the paged response they all give. */
public class HistoryParameters {

    static final int DEFAULT_LIMIT = 100;

    @QueryParam("since")
    @Parameter(description = "Changes at or after this time: seconds since the epoch, or ISO-8601 with a zone")
    String since;

    @QueryParam("until")
    @Parameter(description = "Changes at or before this time: seconds since the epoch, or ISO-8601 with a zone")
    String until;

    @QueryParam("key")
    @Parameter(description = "Only this token and the tokens made from it")
    String key;

    @QueryParam("token_type")
    @Parameter(description = "Only tokens of this type: session, user, notebook, internal or service")
    String tokenType;

    @QueryParam("ip_address")
    @Parameter(description = "Only changes made from this address, or from this CIDR block", example = "192.0.2.0/24")
    String ipAddress;

    @QueryParam("cursor")
    @Parameter(description = "Where the page starts; take it from a Link header, never make one up")
    String cursor;

    public String cursor() {
        return cursor;
    }

    @QueryParam("limit")
    @Parameter(description = "Rows per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
            maximum = "" + TokenHistory.MAX_PAGE, defaultValue = "" + DEFAULT_LIMIT))
    String limit;

    public HistoryQuery query(String username, String actor) {
        TokenType type = tokenType == null ? null : TokenType.fromWireName(tokenType).orElseThrow(() ->
                new InvalidTokenTypeException("Unknown token type: " + tokenType, RequestField.TOKEN_TYPE_FILTER));
        return new HistoryQuery(JsonFields.parseTime(since, RequestField.SINCE),
                JsonFields.parseTime(until, RequestField.UNTIL), username, actor, key, type, ipAddress);
    }

    public int limit() {
        return limit == null ? DEFAULT_LIMIT : limit(limit);
    }

    /** A {@code limit} query parameter as a number; its range is the rules' to check, for the message they give. */
    public static int limit(String text) {
        if (!text.matches("\\d{1,4}")) {
            throw new InvalidLimitException("limit must be a whole number");
        }
        return Integer.parseInt(text);
    }

    /** The page as a JSON list, with X-Total-Count and Link (first, next, prev) headers as in the anchor. */
    public static Response page(HistoryPage page, UriInfo uri) {
        List<String> links = new ArrayList<>();
        links.add(link(uri, null, "first"));
        page.next().ifPresent(c -> links.add(link(uri, c, "next")));
        page.previous().ifPresent(c -> links.add(link(uri, c, "prev")));
        return Response.ok(page.entries().stream().map(TokenChangeJson::of).toList())
                .header("X-Total-Count", page.total())
                .header("Link", String.join(", ", links))
                .build();
    }

    private static String link(UriInfo uri, String cursor, String rel) {
        Object[] value = cursor == null ? new Object[0] : new Object[] {cursor};
        return "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", value).build() + ">; rel=\"" + rel + "\"";
    }
}
