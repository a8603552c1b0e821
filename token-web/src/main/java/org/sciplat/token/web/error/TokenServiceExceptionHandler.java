package org.sciplat.token.web.error;

import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.sciplat.token.core.DatabaseUnavailableException;
import org.sciplat.token.core.InvalidTokenException;
import org.sciplat.token.core.TokenServiceException;

/**
 * The single place where a token-core failure becomes what the user sees. A rule token-core refused becomes an
 * error message beside the field it is about (the input whose id is the last element of the failure's location,
 * such as {@code token_name}), else at the top of the page, and the page is shown again with what was entered. A
 * session that ended sends the user to the login page. Anything else is left to the container's error page.
 */
public class TokenServiceExceptionHandler extends ExceptionHandlerWrapper {

    /** token-core's wording for a store that did not answer is written for API clients; this is for people. */
    private static final Map<Class<? extends TokenServiceException>, String> SUMMARIES = Map.of(
            DatabaseUnavailableException.class, "The token database is not answering. Please try again shortly.");

    public TokenServiceExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            TokenServiceException failure = find(events.next().getContext().getException());
            if (failure == null) {
                continue;
            }
            events.remove();
            if (failure instanceof InvalidTokenException) {
                sessionEnded(context);
            } else {
                show(context, failure);
            }
        }
        getWrapped().handle();
    }

    private static void show(FacesContext context, TokenServiceException failure) {
        String summary = SUMMARIES.getOrDefault(failure.getClass(), failure.getMessage());
        FacesMessage message = new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, null);
        context.addMessage(clientIdFor(context, failure.loc()), message);
        context.validationFailed();
        context.renderResponse();
    }

    private static void sessionEnded(FacesContext context) {
        try {
            context.getExternalContext().redirect(
                    context.getExternalContext().getRequestContextPath() + "/login.xhtml?expired=true");
            context.responseComplete();
        } catch (IOException e) {
            throw new FacesException(e);
        }
    }

    /** The input the failure is about, found by its id; null (a message for the whole page) if there is none. */
    private static String clientIdFor(FacesContext context, List<String> loc) {
        if (loc.isEmpty() || context.getViewRoot() == null) {
            return null;
        }
        String id = loc.get(loc.size() - 1);
        String[] found = new String[1];
        context.getViewRoot().visitTree(VisitContext.createVisitContext(context), (visit, component) -> {
            if (id.equals(component.getId()) && component.isRendered()) {
                found[0] = component.getClientId(visit.getFacesContext());
                return VisitResult.COMPLETE;
            }
            return VisitResult.ACCEPT;
        });
        return found[0];
    }

    private static TokenServiceException find(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof TokenServiceException failure) {
                return failure;
            }
        }
        return null;
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
