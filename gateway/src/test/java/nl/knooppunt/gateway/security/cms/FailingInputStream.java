package nl.knooppunt.gateway.security.cms;

import java.io.IOException;
import java.io.InputStream;

/** Delivers the first {@code limit} bytes of {@code data}, then fails like a dropped connection. */
final class FailingInputStream extends InputStream {

    private final byte[] data;
    private final int limit;
    private int position;

    FailingInputStream(byte[] data, int limit) {
        this.data = data;
        this.limit = Math.min(limit, data.length);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= limit) {
            throw new IOException("connection reset");
        }
        int count = Math.min(length, limit - position);
        System.arraycopy(data, position, buffer, offset, count);
        position += count;
        return count;
    }
}
