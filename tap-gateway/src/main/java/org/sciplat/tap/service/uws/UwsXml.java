package org.sciplat.tap.service.uws;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sciplat.tap.service.Xml;

/** UWS 1.1 documents: the job list, a job, its parameters and its results. */
final class UwsXml {

    private static final String NAMESPACES = "xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\""
            + " xmlns:xlink=\"http://www.w3.org/1999/xlink\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"1.1\"";

    private UwsXml() {
    }

    static void jobList(PrintWriter out, List<Job> jobs, String jobsUrl) {
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.println("<uws:jobs " + NAMESPACES + ">");
        for (Job job : jobs) {
            out.println("  <uws:jobref id=\"" + job.id() + "\" xlink:href=\"" + Xml.escape(jobsUrl + "/" + job.id())
                    + "\">");
            out.println("    <uws:phase>" + job.phase() + "</uws:phase>");
            job.runId().ifPresent(runId -> out.println("    <uws:runId>" + Xml.escape(runId) + "</uws:runId>"));
            out.println("    <uws:ownerId>" + Xml.escape(job.owner()) + "</uws:ownerId>");
            out.println("    <uws:creationTime>" + time(job.created()) + "</uws:creationTime>");
            out.println("  </uws:jobref>");
        }
        out.println("</uws:jobs>");
    }

    static void job(PrintWriter out, Job job, String jobUrl) {
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.println("<uws:job " + NAMESPACES + ">");
        out.println("  <uws:jobId>" + job.id() + "</uws:jobId>");
        job.runId().ifPresent(runId -> out.println("  <uws:runId>" + Xml.escape(runId) + "</uws:runId>"));
        out.println("  <uws:ownerId>" + Xml.escape(job.owner()) + "</uws:ownerId>");
        out.println("  <uws:phase>" + job.phase() + "</uws:phase>");
        out.println("  <uws:quote xsi:nil=\"true\"/>");
        out.println("  <uws:creationTime>" + time(job.created()) + "</uws:creationTime>");
        optionalTime(out, "startTime", job.started());
        optionalTime(out, "endTime", job.ended());
        out.println("  <uws:executionDuration>" + job.executionDuration().toSeconds() + "</uws:executionDuration>");
        out.println("  <uws:destruction>" + time(job.destruction()) + "</uws:destruction>");
        parameters(out, job.parameters(), "  ", false);
        results(out, job, jobUrl, "  ", false);
        job.error().ifPresent(message -> {
            out.println("  <uws:errorSummary type=\"fatal\" hasDetail=\"true\">");
            out.println("    <uws:message>" + Xml.escape(message) + "</uws:message>");
            out.println("  </uws:errorSummary>");
        });
        out.println("</uws:job>");
    }

    static void parameters(PrintWriter out, Map<String, String> parameters, String indent, boolean document) {
        if (document) {
            out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        }
        out.println(indent + "<uws:parameters" + (document ? " " + NAMESPACES : "") + ">");
        parameters.forEach((name, value) -> out.println(indent + "  <uws:parameter id=\""
                + Xml.escape(name.toLowerCase(Locale.ROOT)) + "\">" + Xml.escape(value) + "</uws:parameter>"));
        out.println(indent + "</uws:parameters>");
    }

    static void results(PrintWriter out, Job job, String jobUrl, String indent, boolean document) {
        if (document) {
            out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        }
        out.println(indent + "<uws:results" + (document ? " " + NAMESPACES : "") + ">");
        job.result().ifPresent(result -> out.println(indent + "  <uws:result id=\"result\" xlink:href=\""
                + Xml.escape(jobUrl + "/results/result") + "\" mime-type=\"" + Xml.escape(result.mimeType())
                + "\"/>"));
        out.println(indent + "</uws:results>");
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static void optionalTime(PrintWriter out, String element, Optional<Instant> instant) {
        out.println(instant.map(i -> "  <uws:" + element + ">" + time(i) + "</uws:" + element + ">")
                .orElse("  <uws:" + element + " xsi:nil=\"true\"/>"));
    }
}
