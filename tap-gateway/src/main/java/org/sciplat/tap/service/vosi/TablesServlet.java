package org.sciplat.tap.service.vosi;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import org.sciplat.tap.PlainText;
import org.sciplat.tap.service.Xml;
import org.sciplat.tap.service.catalogue.Catalogue;
import org.sciplat.tap.service.catalogue.TapColumn;
import org.sciplat.tap.service.catalogue.TapKey;
import org.sciplat.tap.service.catalogue.TapSchema;
import org.sciplat.tap.service.catalogue.TapTable;

/**
 * VOSI-tables 1.1: the published tables, written from the same catalogue as TAP_SCHEMA. /tables?detail=min lists
 * them without columns; /tables/{schema.table} describes one, which is how TOPCAT reads them one at a time.
 */
@WebServlet(name = "Tables", urlPatterns = {"/tables", "/tables/*"})
public class TablesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String NAMESPACES = "xmlns:vosi=\"http://www.ivoa.net/xml/VOSITables/v1.0\""
            + " xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    @Inject
    transient Catalogue catalogue;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        String detail = request.getParameter("detail");
        if (detail != null && !detail.equals("min") && !detail.equals("max")) {
            PlainText.send(response, HttpServletResponse.SC_BAD_REQUEST, "detail is min or max");
            return;
        }
        if (!name.isEmpty()) {
            Optional<TapTable> table = catalogue.table(name);
            if (table.isEmpty()) {
                PlainText.send(response, HttpServletResponse.SC_NOT_FOUND, "No published table is called " + name);
                return;
            }
            response.setContentType("text/xml;charset=UTF-8");
            PrintWriter out = response.getWriter();
            out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            table(out, table.get(), "vosi:table " + NAMESPACES, "vosi:table", true);
            return;
        }
        boolean columns = !"min".equals(detail);
        response.setContentType("text/xml;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.println("<vosi:tableset " + NAMESPACES + ">");
        for (TapSchema schema : catalogue.schemas()) {
            out.println("  <schema>");
            out.println("    <name>" + Xml.escape(schema.name()) + "</name>");
            element(out, "    ", "description", schema.description());
            for (TapTable table : catalogue.tables(schema)) {
                table(out, table, "table", "table", columns);
            }
            out.println("  </schema>");
        }
        out.println("</vosi:tableset>");
    }

    private static void table(PrintWriter out, TapTable table, String open, String close, boolean columns) {
        out.println("<" + open + " type=\"table\">");
        out.println("  <name>" + Xml.escape(table.qualifiedName()) + "</name>");
        element(out, "  ", "description", table.description());
        if (columns) {
            for (TapColumn column : table.columns()) {
                column(out, column);
            }
            for (TapKey key : table.keys()) {
                out.println("  <foreignKey>");
                out.println("    <targetTable>" + Xml.escape(key.targetTable()) + "</targetTable>");
                out.println("    <fkColumn><fromColumn>" + Xml.escape(key.fromColumn()) + "</fromColumn><targetColumn>"
                        + Xml.escape(key.targetColumn()) + "</targetColumn></fkColumn>");
                element(out, "    ", "description", key.description());
                out.println("  </foreignKey>");
            }
        }
        out.println("</" + close + ">");
    }

    private static void column(PrintWriter out, TapColumn column) {
        out.println("  <column" + (column.std() ? " std=\"true\"" : "") + ">");
        out.println("    <name>" + Xml.escape(column.name()) + "</name>");
        element(out, "    ", "description", column.description());
        element(out, "    ", "unit", column.unit());
        element(out, "    ", "ucd", column.ucd());
        element(out, "    ", "utype", column.utype());
        out.println("    <dataType xsi:type=\"vs:VOTableType\""
                + (column.arraysize() == null ? "" : " arraysize=\"" + Xml.escape(column.arraysize()) + "\"")
                + (column.xtype() == null ? "" : " extendedType=\"" + Xml.escape(column.xtype()) + "\"")
                + ">" + column.datatype() + "</dataType>");
        if (column.indexed()) {
            out.println("    <flag>indexed</flag>");
        }
        if (column.principal()) {
            out.println("    <flag>primary</flag>");
        }
        if (column.nullable()) {
            out.println("    <flag>nullable</flag>");
        }
        out.println("  </column>");
    }

    private static void element(PrintWriter out, String indent, String name, String text) {
        if (text != null) {
            out.println(indent + "<" + name + ">" + Xml.escape(text) + "</" + name + ">");
        }
    }
}
