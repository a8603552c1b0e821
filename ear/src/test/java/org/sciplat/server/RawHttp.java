package org.sciplat.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.sciplat.it.TestServer;

/**
 * GET requests written byte for byte onto a socket, for what java.net.http refuses to send: malformed percent
 * escapes in a path, header values it considers invalid. One request per connection.
 */
final class RawHttp {

    private static final URI SERVER = URI.create(TestServer.BASE_URL);

    /** An answer: status (0 if the server closed the connection without one), Content-Type and body. */
    record Answer(int status, String contentType, String body) {
    }

    private RawHttp() {
    }

    static Answer get(String path, String header) {
        StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(SERVER.getHost()).append(':').append(SERVER.getPort()).append("\r\nConnection: close\r\n");
        if (header != null) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(SERVER.getHost(), SERVER.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            // a connection reset on garbage is the HTTP layer's refusal, not a failure of the application
            return new Answer(0, "", e.getClass().getSimpleName());
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    private static Answer parse(byte[] response) {
        String text = new String(response, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) {
            return new Answer(0, "", text);
        }
        String[] head = text.substring(0, end).split("\r\n");
        String[] statusLine = head[0].split(" ");
        String contentType = "";
        for (String line : head) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).strip();
            }
        }
        return new Answer(Integer.parseInt(statusLine[1]), contentType, text.substring(end + 4));
    }
}
