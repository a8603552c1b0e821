package org.sciplat.token.web.delivery;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import java.util.ArrayList;
import java.util.List;

/**
 * Notes the address of every style sheet a page's rendering asks for, its theme's included (PrimeFaces writes
 * that one itself rather than as a component), so that {@link EarlyHeaders} can announce them next time.
 */
public class StyleSheetRecorder extends ResourceHandlerWrapper {

    private static final String RECORDED = StyleSheetRecorder.class.getName();

    public StyleSheetRecorder(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Resource createResource(String resourceName) {
        return recorded(super.createResource(resourceName));
    }

    @Override
    public Resource createResource(String resourceName, String libraryName) {
        return recorded(super.createResource(resourceName, libraryName));
    }

    @Override
    public Resource createResource(String resourceName, String libraryName, String contentType) {
        return recorded(super.createResource(resourceName, libraryName, contentType));
    }

    /** The style sheets this request's page rendering has asked for so far, in order. */
    static List<String> recorded(FacesContext context) {
        @SuppressWarnings("unchecked")
        List<String> recorded = (List<String>) context.getAttributes().get(RECORDED);
        return recorded == null ? List.of() : List.copyOf(recorded);
    }

    private static Resource recorded(Resource resource) {
        FacesContext context = FacesContext.getCurrentInstance();
        if (resource == null || context == null || context.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE
                || !"text/css".equals(resource.getContentType())) {
            return resource;
        }
        @SuppressWarnings("unchecked")
        List<String> recorded = (List<String>) context.getAttributes()
                .computeIfAbsent(RECORDED, name -> new ArrayList<String>());
        String path = resource.getRequestPath();
        if (!recorded.contains(path)) {
            recorded.add(path);
        }
        return resource;
    }
}
