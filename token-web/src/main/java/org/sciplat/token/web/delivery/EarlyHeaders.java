package org.sciplat.token.web.delivery;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Says in a page's headers, before any of it is written, what the page's first bytes cannot wait for.
 *
 * <ul>
 *   <li>Its style sheets, as {@code Link: rel=preload}: a browser fetches them while the server still renders the
 *       page. A view's style sheets are learnt from its latest rendering ({@link ResourceAddresses}); they are the
 *       same on every visit.
 *   <li>The session cookie its view state needs: Faces keeps a page's state in the HTTP session and would create
 *       the session at the end of the page, after the first pieces were sent ({@link CompressedPage}) and the
 *       headers with them.
 * </ul>
 */
public class EarlyHeaders implements PhaseListener {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> preloads = new ConcurrentHashMap<>();

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        if (!isWholePage(context) || !(context.getExternalContext().getResponse() instanceof HttpServletResponse
                response) || response.isCommitted()) {
            return;
        }
        String preload = preloads.get(context.getViewRoot().getViewId());
        if (preload != null) {
            response.addHeader("Link", preload);
        }
        if (!context.getViewRoot().isTransient()
                && !context.getApplication().getStateManager().isSavingStateInClient(context)) {
            context.getExternalContext().getSession(true);
        }
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        List<String> styleSheets = ResourceAddresses.styleSheets(context);
        if (isWholePage(context) && !styleSheets.isEmpty()
                && context.getExternalContext().getResponse() instanceof HttpServletResponse response
                && response.getStatus() == HttpServletResponse.SC_OK) {
            preloads.put(context.getViewRoot().getViewId(), styleSheets.stream()
                    .map(path -> "<" + path + ">; rel=preload; as=style")
                    .collect(Collectors.joining(", ")));
        }
    }

    private static boolean isWholePage(FacesContext context) {
        return context.getViewRoot() != null && !context.getPartialViewContext().isPartialRequest();
    }
}
