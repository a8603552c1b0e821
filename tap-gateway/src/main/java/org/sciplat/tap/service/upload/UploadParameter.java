package org.sciplat.tap.service.upload;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * TAP 1.1's UPLOAD parameter (DALI section 3.4.5): {@code name,location} pairs separated by semicolons, where the
 * location is {@code param:part} (a part of the multipart request) or an http(s) URL.
 */
public final class UploadParameter {

    /** An ADQL regular identifier, as TAP_UPLOAD.name needs. */
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    /** One table to upload: its ADQL name, and either the part of the request or the URL that holds it. */
    public record Upload(String name, String part, URI url) {
    }

    private UploadParameter() {
    }

    public static List<Upload> parse(String value, UploadLimits limits) {
        List<Upload> uploads = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String item : value.split(";")) {
            int comma = item.indexOf(',');
            if (comma < 0) {
                throw new UploadRefusedException("UPLOAD takes name,location pairs separated by ';', as in"
                        + " UPLOAD=mine,param:table1");
            }
            String name = item.substring(0, comma).strip();
            String location = item.substring(comma + 1).strip();
            if (!NAME.matcher(name).matches()) {
                throw new UploadRefusedException("An uploaded table's name must be an ADQL identifier (a letter,"
                        + " then letters, digits or _; at most 64)");
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw new UploadRefusedException("UPLOAD names table " + name + " twice");
            }
            uploads.add(location(name, location, limits));
        }
        if (uploads.size() > limits.maxTables()) {
            throw new UploadRefusedException("A query may upload at most " + limits.maxTables() + " tables");
        }
        return uploads;
    }

    private static Upload location(String name, String location, UploadLimits limits) {
        if (location.startsWith("param:")) {
            String part = location.substring("param:".length());
            if (part.isEmpty() || part.length() > 256) {
                throw new UploadRefusedException("UPLOAD " + name + ": param: must name a part of the request");
            }
            return new Upload(name, part, null);
        }
        URI url;
        try {
            url = new URI(location);
        } catch (URISyntaxException e) {
            throw new UploadRefusedException("UPLOAD " + name + ": the location is neither param:part nor a URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new UploadRefusedException("UPLOAD " + name + ": the location is neither param:part nor an"
                    + " http(s) URL");
        }
        if (!limits.allowedHosts().contains(url.getHost().toLowerCase(Locale.ROOT))) {
            throw new UploadRefusedException("UPLOAD " + name + ": this service reads uploaded tables from the"
                    + " request (param:part)" + (limits.allowedHosts().isEmpty() ? ", not from URLs"
                    : " or from the hosts " + String.join(", ", limits.allowedHosts().stream().sorted().toList())));
        }
        return new Upload(name, null, url);
    }
}
