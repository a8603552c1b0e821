package org.sciplat.token.web.error;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import org.sciplat.token.core.DatabaseUnavailableException;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.NotFoundException;
import org.sciplat.token.core.RequestField;
import org.sciplat.token.core.TokenServiceException;
import org.sciplat.token.web.login.Login;
import org.sciplat.token.web.login.ReturnPath;

/**
 * The single place where a token-core failure becomes what the user sees. A rule token-core refused becomes an
 * error message beside the input its field is entered in (see {@link #findInputId}), else at the top of the page,
 * and the page is shown again with what was entered. A session that ended sends the user to the login page; a page
 * whose state expired is loaded again.
 * Anything else is left to the container's error page.
 */
public class TokenServiceExceptionHandler extends ExceptionHandlerWrapper {

    /** token-core's wording for a store that did not answer is written for API clients; this is for people. */

    private static final String DATABASE_UNAVAILABLE = "The token database is not answering. Please try again shortly.";

    public TokenServiceExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable thrown = events.next().getContext().getException();
            if (findCause(thrown, ViewExpiredException.class).isPresent()) {
                events.remove();
                viewExpired(context);
                continue;
            }
            Optional<TokenServiceException> failure = findCause(thrown, TokenServiceException.class);
            if (failure.isEmpty()) {
                continue;
            }
            events.remove();
            if (failure.get() instanceof InvalidTokenException) {
                sessionEnded(context);
            } else {
                show(context, failure.get());
            }
        }
        getWrapped().handle();
    }

    private static void show(FacesContext context, TokenServiceException failure) {
        if (failure instanceof NotFoundException && !context.isPostback()) {
            // the address names something that is not there, such as /tokens/{a key of no token of the user's}
            try {
                context.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, null);
                context.responseComplete();
                return;
            } catch (IOException e) {
                throw new FacesException(e);
            }
        }
        String summary = failure instanceof DatabaseUnavailableException ? DATABASE_UNAVAILABLE : failure.getMessage();
        String clientId = failure.field()
                .flatMap(TokenServiceExceptionHandler::findInputId)
                .flatMap(id -> findClientId(context, id))
                .orElse(null);
        // a field's message shows its detail, which without one is the summary; the page's messages show both, so
        // there the detail is empty, or the summary would be said twice
        String detail = clientId == null ? "" : null;
        context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
        context.validationFailed();
        context.renderResponse();
    }

    /**
     * A form sent from a page whose state the server no longer has (kept too long, or from before a restart): the
     * page is loaded afresh, by a redirect that a background request follows too, and says that nothing was done
     * (its {@code reloaded} parameter).
     */
    private static void viewExpired(FacesContext context) {
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String page = ReturnPath.of(request);
        if (ReturnPath.isLoginPage(page)) {
            page = ReturnPath.validated(request.getParameter("next"), external.getRequestContextPath())
                    .map(next -> Login.PAGE + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))
                    .orElse(Login.PAGE);
        }
        // said by the page itself (layout.xhtml): a message kept for the next request would need the session,
        // which may be what was lost
        page = page + (page.contains("?") ? "&" : "?") + "reloaded=true";
        try {
            external.redirect(external.getRequestContextPath() + page);
            context.responseComplete();
        } catch (IOException e) {
            throw new FacesException(e);
        }
    }

    private static void sessionEnded(FacesContext context) {
        try {
            ExternalContext external = context.getExternalContext();
            String page = ReturnPath.of((HttpServletRequest) external.getRequest());
            external.redirect(external.getRequestContextPath() + Login.PAGE + "?expired=true&next="
                    + URLEncoder.encode(page, StandardCharsets.UTF_8));
            context.responseComplete();
        } catch (IOException e) {
            throw new FacesException(e);
        }
    }

    /**
     * The id of the input a field is entered in, on whichever page has it: the token forms' {@code token_name},
     * {@code description}, {@code scopes}, {@code expires}, {@code username} and {@code token_type}; the history search's {@code since},
     * {@code until}, {@code type}, {@code key} and {@code ip_address}. A field no page asks for is told at the top.
     */
    static Optional<String> findInputId(RequestField field) {
        return Optional.ofNullable(switch (field) {
            case TOKEN_NAME -> "token_name";
            case DESCRIPTION -> "description";
            case SCOPES -> "scopes";
            case EXPIRES -> "expires";
            case USERNAME -> "username";
            case TOKEN_TYPE -> "token_type";
            case KEY -> "key";
            case SINCE -> "since";
            case UNTIL -> "until";
            case TOKEN_TYPE_FILTER -> "type";
            case IP_ADDRESS -> "ip_address";
            case GRACE_PERIOD -> "grace_period";
            case BODY, SERVICE, MINIMUM_LIFETIME, QUERY, CREDENTIALS, CURSOR, LIMIT, QUOTA_API, QUOTA_CONCURRENT,
                    NOTES -> null;
        });
    }

    /** The client id of the rendered input with this id on the current page, if it has one. */
    private static Optional<String> findClientId(FacesContext context, String id) {
        if (context.getViewRoot() == null) {
            return Optional.empty();
        }
        String[] found = new String[1];
        context.getViewRoot().visitTree(VisitContext.createVisitContext(context), (visit, component) -> {
            if (id.equals(component.getId()) && component.isRendered()) {
                found[0] = component.getClientId(visit.getFacesContext());
                return VisitResult.COMPLETE;
            }
            return VisitResult.ACCEPT;
        });
        return Optional.ofNullable(found[0]);
    }

    private static <T extends Throwable> Optional<T> findCause(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new TokenServiceExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
