package org.sciplat.tap.service.vosi;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * DALI examples: queries a person can start from, as XHTML with RDFa that clients (TOPCAT's example menu, taplint)
 * read. The first is the cone search of the platform's own TOPCAT documentation.
 */
@WebServlet(name = "Examples", urlPatterns = "/examples")
public class ExamplesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/xhtml+xml;charset=UTF-8");
        response.getWriter().print("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
                <head><title>TAP query examples</title></head>
                <body vocab="ivo://ivoa.net/std/DALI-examples#">
                <h1>TAP query examples</h1>
                <div typeof="example" id="cone-search" resource="#cone-search">
                  <h2 property="name">Cone search in AllWISE multi-epoch photometry</h2>
                  <p>The W1, W2 and W3 magnitudes of every epoch measured within 0.2 degrees of
                  (192.85, +27.13), the query from the platform's guide to TOPCAT.</p>
                  <pre property="query">SELECT w1mpro_ep, w2mpro_ep, w3mpro_ep FROM wise_00.allwise_p3as_mep WHERE CONTAINS(POINT('ICRS', ra, decl), CIRCLE('ICRS', 192.85, 27.13, .2)) = 1</pre>
                  <p>Table: <span property="table">wise_00.allwise_p3as_mep</span></p>
                </div>
                <div typeof="example" id="light-curve" resource="#light-curve">
                  <h2 property="name">Light curve of one source</h2>
                  <p>Every epoch of the brightest source near the centre of the demo field, in time order: its two
                  visits six months apart.</p>
                  <pre property="query">SELECT mjd, w1mpro_ep, w1sigmpro_ep, w2mpro_ep, w2sigmpro_ep FROM wise_00.allwise_p3as_mep WHERE source_id_mf = '1928p271_ac51-000372' ORDER BY mjd</pre>
                  <p>Table: <span property="table">wise_00.allwise_p3as_mep</span></p>
                </div>
                <div typeof="example" id="tap-schema-columns" resource="#tap-schema-columns">
                  <h2 property="name">Columns of a table</h2>
                  <p>What TAP_SCHEMA says about the demo table's columns.</p>
                  <pre property="query">SELECT column_name, datatype, unit, ucd, description FROM TAP_SCHEMA.columns WHERE table_name = 'wise_00.allwise_p3as_mep' ORDER BY column_index</pre>
                  <p>Table: <span property="table">tap_schema.columns</span></p>
                </div>
                </body>
                </html>
                """);
    }
}
