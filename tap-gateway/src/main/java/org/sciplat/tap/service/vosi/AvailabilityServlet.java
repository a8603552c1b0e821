package org.sciplat.tap.service.vosi;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sciplat.tap.service.Xml;
import org.sciplat.tap.service.archive.ArchivePublication;

/** VOSI 1.1 availability: clients and registries poll it, unauthenticated, to see whether the service is up. */
@WebServlet(name = "Availability", urlPatterns = "/availability")
public class AvailabilityServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ArchivePublication archive;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ArchivePublication.Status status = archive.status();
        response.setContentType("text/xml;charset=UTF-8");
        response.getWriter().print("""
                <?xml version="1.0" encoding="UTF-8"?>
                <vosi:availability xmlns:vosi="http://www.ivoa.net/xml/VOSIAvailability/v1.0">
                  <vosi:available>%s</vosi:available>
                  <vosi:note>%s</vosi:note>
                </vosi:availability>
                """.formatted(status.available(), Xml.escape(status.note())));
    }
}
