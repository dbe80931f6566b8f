package nl.knooppunt.gateway.channel.rest.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a request body up to a limit, before anything parses it: a declared Content-Length over the
 * limit is refused without reading, a chunked body as soon as it passes the limit. So an oversized
 * body costs at most the limit in memory and never reaches a parser.
 */
final class RequestBody {

    private RequestBody() {}

    static byte[] read(HttpServletRequest request, long limit) {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw new RequestTooLargeException(limit);
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > limit) {
                    throw new RequestTooLargeException(limit);
                }
                body.write(buffer, 0, n);
            }
            return body.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The request body could not be read", e);
        }
    }
}
