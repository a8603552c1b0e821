package org.sciplat.token.web.address;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.List;
import java.util.Map;

/** Writes every link, form and redirect of the pages with the pages' addresses ({@link PageAddresses}). */
public class PageAddressViewHandler extends ViewHandlerWrapper {

    public PageAddressViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        return address(context, super.getActionURL(context, viewId));
    }

    @Override
    public String getBookmarkableURL(FacesContext context, String viewId, Map<String, List<String>> parameters,
            boolean includeViewParams) {
        return address(context, super.getBookmarkableURL(context, viewId, parameters, includeViewParams));
    }

    @Override
    public String getRedirectURL(FacesContext context, String viewId, Map<String, List<String>> parameters,
            boolean includeViewParams) {
        return address(context, super.getRedirectURL(context, viewId, parameters, includeViewParams));
    }

    private static String address(FacesContext context, String url) {
        return PageAddresses.addressOf(url, context.getExternalContext().getRequestContextPath());
    }
}
