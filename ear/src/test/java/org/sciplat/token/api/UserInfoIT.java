package org.sciplat.token.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.sciplat.it.Api;
import org.sciplat.it.Json;

/** user-info of a built-in directory user carries what a federated one's does: name, email, POSIX ids, groups. */
class UserInfoIT {

    @Test
    void theDemoAdministratorHasNameEmailIdsAndGroupsWithTheirIds() {
        HttpResponse<String> response = Api.send("GET", "/user-info", Api.login("admin", "admin-demo"), null);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject user = Json.object(response.body());
        assertEquals("admin", user.getString("username"));
        assertEquals("Platform Administrator", user.getString("name"));
        assertEquals("admin@example.org", user.getString("email"));
        assertEquals(10003, user.getInt("uid"));
        assertEquals(10003, user.getInt("gid"));
        assertEquals(2, user.getJsonArray("groups").size());
        JsonObject admins = user.getJsonArray("groups").getJsonObject(0);
        assertEquals("g_admins", admins.getString("name"));
        assertEquals(2001, admins.getInt("id"));
        assertEquals(2000, user.getJsonArray("groups").getJsonObject(1).getInt("id"));
    }
}
