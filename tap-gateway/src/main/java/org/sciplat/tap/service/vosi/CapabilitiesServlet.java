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
import org.sciplat.tap.service.catalogue.Catalogue;
import org.sciplat.tap.service.query.QueryLimits;
import org.sciplat.tap.service.query.ResultFormat;
import org.sciplat.tap.service.upload.UploadLimits;

/**
 * VOSI capabilities with TAPRegExt: what the service does and where. Public, since clients read it first; every
 * interface that needs a token declares HTTP Basic (ivo://ivoa.net/sso#BasicAA), which is what pyvo's AuthSession
 * and the other VO clients look for before they send one.
 */
@WebServlet(name = "Capabilities", urlPatterns = "/capabilities")
public class CapabilitiesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASIC_AA = "<securityMethod standardID=\"ivo://ivoa.net/sso#BasicAA\"/>";
    /** The table ObsCore 1.1 names, which the service declares the data model of whenever it publishes it. */
    private static final String OBSCORE_TABLE = "ivoa.obscore";
    private static final String OBSCORE = "<dataModel ivo-id=\"ivo://ivoa.net/std/ObsCore#core-1.1\">ObsCore-1.1"
            + "</dataModel>";

    @Inject
    transient QueryLimits limits;

    @Inject
    transient Catalogue catalogue;

    @Inject
    transient UploadLimits uploadLimits;

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
                    <description>Queries, synchronous and asynchronous, may upload VOTables (TAP_UPLOAD.name): \
                at most %3$s tables of %4$s rows, %5$s columns and %6$s bytes each; by URL only from the hosts the operator \
                allows (%7$s).</description>
                    <interface xsi:type="vs:ParamHTTP" role="std" version="1.1">
                      <accessURL use="base">%1$s</accessURL>
                      %2$s
                    </interface>
                    %8$s
                    <language>
                      <name>ADQL</name>
                      <version ivo-id="ivo://ivoa.net/std/ADQL#v2.0">2.0</version>
                      <description>ADQL 2.0: one SELECT over the published tables, with TOP, DISTINCT, joins, \
                subqueries in WHERE, aggregates, and the functions below, with ADQL 2.1's ILIKE. Geometry is in \
                ICRS degrees.</description>
                      <languageFeatures type="ivo://ivoa.net/std/TAPRegExt#features-adqlgeo">
                """.formatted(base, BASIC_AA, uploadLimits.maxTables(), uploadLimits.maxRows(),
                uploadLimits.maxColumns(), uploadLimits.maxBytes(), uploadLimits.allowedHosts().isEmpty() ? "none"
                        : Xml.escape(String.join(", ", uploadLimits.allowedHosts().stream().sorted().toList())),
                catalogue.table(OBSCORE_TABLE).isPresent() ? OBSCORE : ""));
        for (String function : AdqlTranslator.geometryFunctions()) {
            out.printf("        <feature><form>%s</form>%s</feature>%n", function, function.equals("DISTANCE")
                    ? "<description>Also DISTANCE(ra1, dec1, ra2, dec2), as in ADQL 2.1</description>" : "");
        }
        // ADQL 2.0 knows no string features: LOWER and UPPER are declared as functions of the service's own
        out.print("""
                      </languageFeatures>
                      <languageFeatures type="ivo://ivoa.net/std/TAPRegExt#features-udf">
                        <feature><form>lower(s VARCHAR) -> VARCHAR</form>
                          <description>ADQL 2.1's LOWER</description></feature>
                        <feature><form>upper(s VARCHAR) -> VARCHAR</form>
                          <description>ADQL 2.1's UPPER</description></feature>
                      </languageFeatures>
                    </language>
                """);
        for (ResultFormat format : ResultFormat.values()) {
            out.printf("    <outputFormat%s><mime>%s</mime><alias>%s</alias></outputFormat>%n",
                    format.standardId() == null ? "" : " ivo-id=\"" + format.standardId() + "\"",
                    Xml.escape(format.mimeType()), format.alias());
        }
        // TAP requires both methods of a service that takes uploads; which hosts URLs may name is the operator's choice
        out.print("    <uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-inline\"/>\n");
        out.print("    <uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-http\"/>\n");
        out.print("    <uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-https\"/>\n");
        out.print("""
                    <retentionPeriod><default>%1$d</default><hard>%2$d</hard></retentionPeriod>
                    <executionDuration><default>%3$d</default><hard>%4$d</hard></executionDuration>
                    <outputLimit><default unit="row">%5$d</default><hard unit="row">%6$d</hard></outputLimit>
                    <uploadLimit><default unit="row">%9$d</default><hard unit="row">%9$d</hard></uploadLimit>
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
                limits.defaultMaxrec(), limits.hardMaxrec(), base, BASIC_AA, uploadLimits.maxRows()));
    }
}
