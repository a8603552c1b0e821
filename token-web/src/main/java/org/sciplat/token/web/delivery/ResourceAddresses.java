package org.sciplat.token.web.delivery;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes the address of every style sheet, script, font and image Faces writes, as it writes it: the only addresses
 * {@link ResourceCache} keeps answers for (a version a client made up is served, never kept), and, for the page
 * being rendered, its style sheets, the theme's included (PrimeFaces writes that one itself rather than as a
 * component), which {@link EarlyHeaders} announces next time.
 */
public class ResourceAddresses extends ResourceHandlerWrapper {

    private static final String STYLE_SHEETS = ResourceAddresses.class.getName() + ".styleSheets";
    // Faces' own resources and this site's: a few hundred at most; past this, a name a client tried
    private static final int MOST = 5_000;
    // shared with the servlet filter that reads it, which Faces does not create
    private static final Set<String> WRITTEN = ConcurrentHashMap.newKeySet();

    public ResourceAddresses(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Resource createResource(String resourceName) {
        return noted(super.createResource(resourceName));
    }

    @Override
    public Resource createResource(String resourceName, String libraryName) {
        return noted(super.createResource(resourceName, libraryName));
    }

    @Override
    public Resource createResource(String resourceName, String libraryName, String contentType) {
        return noted(super.createResource(resourceName, libraryName, contentType));
    }

    /** The style sheets this request's page rendering has asked for so far, in order. */
    static List<String> styleSheets(FacesContext context) {
        @SuppressWarnings("unchecked")
        List<String> styleSheets = (List<String>) context.getAttributes().get(STYLE_SHEETS);
        return styleSheets == null ? List.of() : List.copyOf(styleSheets);
    }

    /** Whether Faces has written this address (path and query, as a browser asks for it). */
    static boolean isWritten(String address) {
        return WRITTEN.contains(address);
    }

    /** Whether the request asks for a style sheet, script, font or image rather than a page. */
    public static boolean isResourceRequest(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + RESOURCE_IDENTIFIER + "/");
    }

    private static Resource noted(Resource resource) {
        FacesContext context = FacesContext.getCurrentInstance();
        if (resource == null || context == null) {
            return resource;
        }
        String path = resource.getRequestPath();
        if (WRITTEN.size() < MOST) {
            WRITTEN.add(path);
        }
        if (context.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE && "text/css".equals(resource.getContentType())) {
            @SuppressWarnings("unchecked")
            List<String> styleSheets = (List<String>) context.getAttributes()
                    .computeIfAbsent(STYLE_SHEETS, name -> new ArrayList<String>());
            if (!styleSheets.contains(path)) {
                styleSheets.add(path);
            }
        }
        return resource;
    }
}
