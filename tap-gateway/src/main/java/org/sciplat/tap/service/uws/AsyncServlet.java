package org.sciplat.tap.service.uws;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sciplat.tap.PlainText;
import org.sciplat.tap.ServiceUrl;
import org.sciplat.tap.service.query.ErrorDocument;
import org.sciplat.tap.service.query.InvalidQueryException;
import org.sciplat.tap.service.query.QueryFailedException;
import org.sciplat.tap.service.query.QueryParameters;
import org.sciplat.tap.service.query.RequestTooLargeException;
import org.sciplat.tap.service.query.TooManyQueriesException;
import org.sciplat.tap.service.upload.RequestParts;
import org.sciplat.tap.service.upload.Uploads;

/**
 * TAP /async: the UWS 1.1 job list and jobs. POST /async creates a job and answers 303 with its absolute URL
 * (STILTS reads the Location itself); PHASE=RUN starts it, at once or later; WAIT blocks until its phase changes;
 * DELETE (or ACTION=DELETE) removes it and answers 303 to the job list, which pyvo follows. The tables a job uploads
 * are read and checked when it is created, and kept with it until it runs.
 */
@WebServlet(name = "Async", urlPatterns = {"/async", "/async/*"})
@MultipartConfig(maxRequestSize = 1_048_576)
public class AsyncServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Parameters that act on a job rather than being one of its query's. */
    private static final Set<String> CONTROL = Set.of("PHASE", "ACTION", "DESTRUCTION", "EXECUTIONDURATION");

    @Inject
    transient Jobs jobs;

    @Inject
    transient Uploads uploads;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = path(request);
        String owner = request.getRemoteUser();
        if (path.isEmpty()) {
            listJobs(request, response, owner);
            return;
        }
        Optional<Job> found = owned(path, owner, response);
        if (found.isEmpty()) {
            return;
        }
        Job job = found.get();
        String jobUrl = jobsUrl(request) + "/" + job.id();
        String resource = resource(path);
        switch (resource) {
            case "" -> {
                Optional<Job> waited = waitIfAsked(request, response, job);
                if (waited.isEmpty()) {
                    return;
                }
                xml(response);
                UwsXml.job(response.getWriter(), waited.get(), jobUrl);
            }
            case "phase" -> text(response, job.phase().name());
            case "executionduration" -> text(response, Long.toString(job.executionDuration().toSeconds()));
            case "destruction" -> text(response, UwsXml.time(job.destruction()));
            case "quote" -> text(response, "");
            case "owner" -> text(response, job.owner());
            case "parameters" -> {
                xml(response);
                UwsXml.parameters(response.getWriter(), job.parameters(), "", true);
            }
            case "results" -> {
                xml(response);
                UwsXml.results(response.getWriter(), job, jobUrl, "", true);
            }
            case "results/result" -> result(response, job);
            case "error" -> {
                if (job.error().isEmpty()) {
                    PlainText.send(response, HttpServletResponse.SC_NOT_FOUND, "Job " + job.id() + " has no error");
                } else {
                    ErrorDocument.send(response, HttpServletResponse.SC_OK, job.error().get());
                }
            }
            default -> PlainText.send(response, HttpServletResponse.SC_NOT_FOUND, "A job has no resource " + resource);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = path(request);
        String owner = request.getRemoteUser();
        Map<String, String> parameters;
        try {
            parameters = QueryParameters.byName(RequestParts.parameters(request));
        } catch (InvalidQueryException e) {
            refuse(response, e);
            return;
        }
        if (path.isEmpty()) {
            Optional<String> tooLong = tooLong(parameters);
            if (tooLong.isPresent()) {
                badRequest(response, tooLong.get());
                return;
            }
            Job job;
            try {
                String upload = parameters.get("UPLOAD");
                job = jobs.create(owner, withoutControl(parameters), upload == null || upload.isBlank() ? List.of()
                        : uploads.read(upload, RequestParts.of(request)));
            } catch (TooManyJobsException | RequestTooLargeException | InvalidQueryException e) {
                refuse(response, e);
                return;
            } catch (QueryFailedException e) {
                ErrorDocument.send(response, ErrorDocument.status(e), e.getMessage());
                return;
            }
            try {
                control(job, parameters);
            } catch (BadRequest | InvalidQueryException e) {
                jobs.delete(job);
                refuse(response, e);
                return;
            } catch (TooManyQueriesException e) {
                jobs.delete(job);
                tooMany(response, e);
                return;
            }
            redirect(response, jobsUrl(request) + "/" + job.id());
            return;
        }
        Optional<Job> found = owned(path, owner, response);
        if (found.isEmpty()) {
            return;
        }
        Job job = found.get();
        String resource = resource(path);
        try {
            switch (resource) {
                case "" -> {
                    if ("DELETE".equalsIgnoreCase(parameters.get("ACTION"))) {
                        jobs.delete(job);
                        redirect(response, jobsUrl(request));
                        return;
                    }
                    if (parameters.containsKey("ACTION")) {
                        throw new BadRequest("ACTION=" + parameters.get("ACTION") + " is not known: use ACTION=DELETE");
                    }
                    Map<String, String> query = withoutControl(parameters);
                    if (!query.isEmpty()) {
                        changeParameters(job, query);
                    }
                    control(job, parameters);
                }
                case "phase", "executionduration", "destruction" -> {
                    String name = resource.toUpperCase(Locale.ROOT);
                    if (!parameters.containsKey(name)) {
                        throw new BadRequest("Give the new value as the " + name + " parameter");
                    }
                    control(job, Map.of(name, parameters.get(name)));
                }
                case "parameters" -> changeParameters(job, withoutControl(parameters));
                default -> {
                    PlainText.send(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "A job's " + resource
                            + " cannot be changed");
                    return;
                }
            }
        } catch (BadRequest | JobStateException | InvalidQueryException | RequestTooLargeException e) {
            refuse(response, e);
            return;
        } catch (TooManyQueriesException e) {
            tooMany(response, e);
            return;
        }
        redirect(response, jobsUrl(request) + "/" + job.id());
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = path(request);
        if (path.size() != 1) {
            PlainText.send(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Only a job can be deleted");
            return;
        }
        Optional<Job> found = owned(path, request.getRemoteUser(), response);
        if (found.isEmpty()) {
            return;
        }
        jobs.delete(found.get());
        redirect(response, jobsUrl(request));
    }

    private void changeParameters(Job job, Map<String, String> query) {
        tooLong(query).ifPresent(message -> {
            throw new BadRequest(message);
        });
        if (query.containsKey("UPLOAD")) {
            throw new BadRequest("A job's UPLOAD is given when the job is created, with the tables it names");
        }
        jobs.changeParameters(job, query);
    }

    /** PHASE, EXECUTIONDURATION and DESTRUCTION, as sent to the job or to its own resources. */
    private void control(Job job, Map<String, String> parameters) {
        String duration = parameters.get("EXECUTIONDURATION");
        if (duration != null) {
            try {
                jobs.executionDuration(job, Long.parseLong(duration.strip()));
            } catch (NumberFormatException e) {
                throw new BadRequest("EXECUTIONDURATION '" + duration + "' is not a whole number of seconds");
            }
        }
        String destruction = parameters.get("DESTRUCTION");
        if (destruction != null) {
            try {
                jobs.destroyAt(job, Instant.parse(destruction.strip()));
            } catch (DateTimeParseException e) {
                throw new BadRequest("DESTRUCTION '" + destruction + "' is not an ISO 8601 time such as"
                        + " 2026-12-01T12:00:00Z");
            }
        }
        String phase = parameters.get("PHASE");
        if (phase != null) {
            switch (phase.strip().toUpperCase(Locale.ROOT)) {
                case "RUN" -> jobs.run(job);
                case "ABORT" -> jobs.abort(job);
                default -> throw new BadRequest("PHASE=" + phase + " is not supported: use RUN or ABORT");
            }
        }
    }

    /**
     * Blocks for a GET with WAIT and gives the job as it is then; empty if the response is already sent: an error,
     * or a 404 for a job deleted meanwhile.
     */
    private Optional<Job> waitIfAsked(HttpServletRequest request, HttpServletResponse response, Job job)
            throws IOException {
        String wait = parameter(request, "WAIT");
        if (wait == null) {
            return Optional.of(job);
        }
        long seconds;
        try {
            seconds = Long.parseLong(wait.strip());
        } catch (NumberFormatException e) {
            badRequest(response, "WAIT '" + wait + "' is not a whole number of seconds");
            return Optional.empty();
        }
        Duration limit = seconds < 0 || seconds > jobs.maxWait().toSeconds() ? jobs.maxWait()
                : Duration.ofSeconds(seconds);
        Phase from = null;
        String phase = parameter(request, "PHASE");
        if (phase != null) {
            try {
                from = Phase.valueOf(phase.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                badRequest(response, "PHASE '" + phase + "' is not a UWS phase");
                return Optional.empty();
            }
        }
        Optional<Job> waited;
        try {
            waited = jobs.awaitChange(job, limit, from);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            PlainText.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The server is stopping");
            return Optional.empty();
        }
        if (waited.isEmpty()) {
            notFound(response, job.id());
        }
        return waited;
    }

    private void listJobs(HttpServletRequest request, HttpServletResponse response, String owner)
            throws IOException {
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        String[] wanted = parameterValues(request, "PHASE");
        for (String phase : wanted) {
            try {
                phases.add(Phase.valueOf(phase.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                badRequest(response, "PHASE '" + phase + "' is not a UWS phase");
                return;
            }
        }
        List<Job> list = jobs.of(owner).stream()
                .filter(job -> phases.isEmpty() || phases.contains(job.phase())).toList();
        xml(response);
        UwsXml.jobList(response.getWriter(), list, jobsUrl(request));
    }

    private void result(HttpServletResponse response, Job job) throws IOException {
        Optional<StoredResult> result = job.result();
        if (result.isEmpty()) {
            PlainText.send(response, HttpServletResponse.SC_NOT_FOUND, "Job " + job.id() + " has no result (it is "
                    + job.phase() + ")");
            return;
        }
        response.setContentType(result.get().mimeType());
        response.setContentLengthLong(result.get().bytes());
        jobs.writeResult(job, result.get(), response.getOutputStream());
    }

    /** Why the database cannot keep one of these parameters, if it cannot. */
    private static Optional<String> tooLong(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .filter(p -> p.getKey().length() > JobStore.PARAMETER_NAME_MAXLENGTH
                        || p.getValue().length() > JobStore.PARAMETER_VALUE_MAXLENGTH)
                .map(p -> "The parameter " + p.getKey().substring(0, Math.min(p.getKey().length(), 64))
                        + " is too long: a job keeps names of up to " + JobStore.PARAMETER_NAME_MAXLENGTH
                        + " characters and values of up to " + JobStore.PARAMETER_VALUE_MAXLENGTH)
                .findFirst();
    }

    /** The query's own parameters among those sent to a job. */
    private static Map<String, String> withoutControl(Map<String, String> parameters) {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        query.keySet().removeAll(CONTROL);
        return query;
    }

    /** The caller's job the path names; empty, with a 404 sent, if there is no such job of theirs. */
    private Optional<Job> owned(List<String> path, String owner, HttpServletResponse response) throws IOException {
        Optional<Job> found = jobs.find(path.get(0), owner);
        if (found.isEmpty()) {
            notFound(response, path.get(0));
        }
        return found;
    }

    /** What below the job the path names ("" for the job itself, "results/result", ...). */
    private static String resource(List<String> path) {
        return String.join("/", path.subList(1, path.size()));
    }

    private static String parameter(HttpServletRequest request, String name) {
        String[] values = parameterValues(request, name);
        return values.length == 0 ? null : values[0];
    }

    private static String[] parameterValues(HttpServletRequest request, String name) {
        return request.getParameterMap().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> Arrays.stream(e.getValue()))
                .toArray(String[]::new);
    }

    private static List<String> path(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return List.of();
        }
        return List.of(info.replaceFirst("^/", "").replaceFirst("/$", "").split("/"));
    }

    private static String jobsUrl(HttpServletRequest request) {
        return ServiceUrl.of(request) + "/async";
    }

    private static void redirect(HttpServletResponse response, String url) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", url);
    }

    private static void xml(HttpServletResponse response) {
        response.setContentType("text/xml;charset=UTF-8");
    }

    private static void text(HttpServletResponse response, String value) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print(value);
    }

    private static void notFound(HttpServletResponse response, String id) throws IOException {
        PlainText.send(response, HttpServletResponse.SC_NOT_FOUND, "No job " + id + " of yours exists");
    }

    /** 413 for parameters too large to keep, 400 for anything else the client must change. */
    private static void refuse(HttpServletResponse response, RuntimeException e) throws IOException {
        ErrorDocument.send(response, e instanceof RequestTooLargeException
                ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
    }

    /** A job its owner may not run now, with as many waiting already: 429, to try again later. */
    private static void tooMany(HttpServletResponse response, TooManyQueriesException e) throws IOException {
        response.setHeader("Retry-After", Long.toString(TooManyQueriesException.RETRY_AFTER.toSeconds()));
        ErrorDocument.send(response, ErrorDocument.status(e), e.getMessage());
    }

    private static void badRequest(HttpServletResponse response, String message) throws IOException {
        ErrorDocument.send(response, HttpServletResponse.SC_BAD_REQUEST, message);
    }

    /** A request the job resource cannot act on. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}
