package org.sciplat.tap.service.upload;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sciplat.tap.service.query.InvalidQueryException;
import org.sciplat.tap.service.query.RequestSizeLimit;

/** The parts of a multipart/form-data request, as UPLOAD's param:part names them. */
public final class RequestParts {

    private RequestParts() {
    }

    /** The request's parts; none if it is not multipart. */
    public static Uploads.Parts of(HttpServletRequest request) {
        return name -> {
            if (!RequestSizeLimit.isMultipart(request)) {
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

    /**
     * The request's parameters, a multipart request's fields as their parts hold them. Open Liberty's parameters of a
     * multipart request lose the line breaks of a field, which joined the lines of a query typed on several (as
     * TOPCAT sends it with an upload) into one that no longer parsed ("SELECT u.id" + "FROM ..." = "u.idFROM").
     *
     * @throws InvalidQueryException when the body cannot be taken apart into its parts
     */
    public static Map<String, String[]> parameters(HttpServletRequest request) {
        Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
        if (!RequestSizeLimit.isMultipart(request)) {
            return parameters;
        }
        Set<String> read = new HashSet<>();
        try {
            for (Part part : request.getParts()) {
                // the first part of a name, as the first value of a parameter is the one read
                if (part.getSubmittedFileName() == null && parameters.containsKey(part.getName())
                        && read.add(part.getName())) {
                    try (InputStream field = part.getInputStream()) {
                        parameters.put(part.getName(), new String[] {
                                new String(field.readAllBytes(), StandardCharsets.UTF_8)});
                    }
                }
            }
        } catch (ServletException e) {
            return parameters;
        } catch (IOException e) {
            // the container could not take the body apart: the client's fault (cut short, no final boundary)
            throw new InvalidQueryException("The request's multipart/form-data body is cut short or malformed");
        }
        return parameters;
    }
}
