package org.sciplat.tap.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Whatever a query's text holds, echoing it keeps the document well-formed XML. */
class XmlTest {

    @Test
    void markupIsEscaped() {
        assertEquals("&lt;script&gt;&amp;&quot;&apos;", Xml.escape("<script>&\"'"));
    }

    @Test
    void charactersXmlCannotCarryAreDropped() {
        assertEquals("ab", Xml.escape("a\u0000\u0007\uFFFE\uFFFF\uD800b"));
    }

    @Test
    void textOutsideTheBasicPlaneIsKept() {
        assertEquals("star \uD83D\uDCAB ok\tline\n", Xml.escape("star \uD83D\uDCAB ok\tline\n"));
    }
}
