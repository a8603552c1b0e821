package org.sciplat.tap.service.vosi;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import org.sciplat.tap.ServiceUrl;
import org.sciplat.tap.service.Xml;
import org.sciplat.tap.service.adql.AdqlTranslator;
import org.sciplat.tap.service.query.QueryLimits;
import org.sciplat.tap.service.query.ResultFormat;

/**
 * VOSI capabilities with TAPRegExt: what the service does and where. Public, since clients read it first; every
 * interface that needs a token declares HTTP Basic (ivo://ivoa.net/sso#BasicAA), which is what pyvo's AuthSession
 * and the other VO clients look for before they send one.
 */
@WebServlet(name = "Capabilities", urlPatterns = "/capabilities")
public class CapabilitiesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASIC_AA = "<securityMethod standardID=\"ivo://ivoa.net/sso#BasicAA\"/>";

    @Inject
    transient QueryLimits limits;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = Xml.escape(ServiceUrl.of(request));
        response.setContentType("text/xml;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.print("""
                <?xml version="1.0" encoding="UTF-8"?>
                <vosi:capabilities xmlns:vosi="http://www.ivoa.net/xml/VOSICapabilities/v1.0"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xmlns:vr="http://www.ivoa.net/xml/VOResource/v1.0"
                    xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1"
                    xmlns:tr="http://www.ivoa.net/xml/TAPRegExt/v1.0">
                  <capability standardID="ivo://ivoa.net/std/TAP" xsi:type="tr:TableAccess">
                    <interface xsi:type="vs:ParamHTTP" role="std" version="1.1">
                      <accessURL use="base">%1$s</accessURL>
                      %2$s
                    </interface>
                    <language>
                      <name>ADQL</name>
                      <version ivo-id="ivo://ivoa.net/std/ADQL#v2.0">2.0</version>
                      <description>ADQL 2.0: one SELECT over the published tables, with TOP, DISTINCT, joins, \
                subqueries in WHERE, aggregates, and the functions below. Geometry is in ICRS degrees.</description>
                      <languageFeatures type="ivo://ivoa.net/std/TAPRegExt#features-adqlgeo">
                """.formatted(base, BASIC_AA));
        for (String function : AdqlTranslator.geometryFunctions()) {
            out.printf("        <feature><form>%s</form></feature>%n", function);
        }
        out.print("""
                      </languageFeatures>
                    </language>
                """);
        for (ResultFormat format : ResultFormat.values()) {
            out.printf("    <outputFormat%s><mime>%s</mime><alias>%s</alias></outputFormat>%n",
                    format.standardId() == null ? "" : " ivo-id=\"" + format.standardId() + "\"",
                    Xml.escape(format.mimeType()), format.alias());
        }
        out.print("""
                    <retentionPeriod><default>%1$d</default><hard>%2$d</hard></retentionPeriod>
                    <executionDuration><default>%3$d</default><hard>%4$d</hard></executionDuration>
                    <outputLimit><default unit="row">%5$d</default><hard unit="row">%6$d</hard></outputLimit>
                  </capability>
                  <capability standardID="ivo://ivoa.net/std/VOSI#capabilities">
                    <interface xsi:type="vs:ParamHTTP"><accessURL use="full">%7$s/capabilities</accessURL></interface>
                  </capability>
                  <capability standardID="ivo://ivoa.net/std/VOSI#availability">
                    <interface xsi:type="vs:ParamHTTP"><accessURL use="full">%7$s/availability</accessURL></interface>
                  </capability>
                  <capability standardID="ivo://ivoa.net/std/VOSI#tables-1.1">
                    <interface xsi:type="vs:ParamHTTP" version="1.1">
                      <accessURL use="base">%7$s/tables</accessURL>
                      %8$s
                    </interface>
                  </capability>
                  <capability standardID="ivo://ivoa.net/std/DALI#examples">
                    <interface xsi:type="vr:WebBrowser">
                      <accessURL use="full">%7$s/examples</accessURL>
                      %8$s
                    </interface>
                  </capability>
                </vosi:capabilities>
                """.formatted(limits.defaultRetention().toSeconds(), limits.hardRetention().toSeconds(),
                limits.defaultExecutionDuration().toSeconds(), limits.hardExecutionDuration().toSeconds(),
                limits.defaultMaxrec(), limits.hardMaxrec(), base, BASIC_AA));
    }
}
