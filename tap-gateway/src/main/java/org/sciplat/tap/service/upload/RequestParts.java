package org.sciplat.tap.service.upload;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.util.Locale;
import java.util.Optional;

/** The parts of a multipart/form-data request, as UPLOAD's param:part names them. */
public final class RequestParts {

    private RequestParts() {
    }

    /** The request's parts; none if it is not multipart. */
    public static Uploads.Parts of(HttpServletRequest request) {
        return name -> {
            if (request.getContentType() == null || !request.getContentType().toLowerCase(Locale.ROOT)
                    .startsWith("multipart/form-data")) {
                return Optional.empty();
            }
            try {
                Part part = request.getPart(name);
                return part == null ? Optional.empty() : Optional.of(part.getInputStream());
            } catch (ServletException e) {
                return Optional.empty();
            }
        };
    }
}
