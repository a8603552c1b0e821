package org.sciplat.token.web.session;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.sciplat.token.core.websession.WebSessionInfo;
import org.sciplat.token.core.websession.WebSessions;
import org.sciplat.token.web.login.CurrentUser;

/** The Web sessions page: the user's signed-in browsers, and signing one or all the others out (token-core's). */
@Named
@ViewScoped
public class SignedInBrowsers implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    WebSessions webSessions;

    @Inject
    CurrentUser currentUser;

    @Inject
    FacesContext faces;

    private List<WebSessionInfo> sessions;

    public void load() {
        sessions = webSessions.list(currentUser.token());
    }

    public void signOut(WebSessionInfo session) {
        webSessions.signOut(currentUser.token(), session.key(), currentUser.ipAddress());
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Signed out",
                session.browser() + " at " + session.clientAddress() + " is signed out."));
        load();
    }

    public void signOutOthers() {
        int count = webSessions.signOutOthers(currentUser.token(), currentUser.ipAddress());
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Signed out",
                count == 1 ? "1 other session is signed out." : count + " other sessions are signed out."));
        load();
    }

    public List<WebSessionInfo> getSessions() {
        return sessions == null ? List.of() : sessions;
    }

    public boolean isOthers() {
        return getSessions().stream().anyMatch(session -> !session.current());
    }
}
