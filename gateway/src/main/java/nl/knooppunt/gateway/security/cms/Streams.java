package nl.knooppunt.gateway.security.cms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

final class Streams {

    /** Large enough that per-call overhead of digests and ciphers does not show on big files. */
    static final int BUFFER_SIZE = 64 * 1024;

    private Streams() {
    }

    static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }
}
