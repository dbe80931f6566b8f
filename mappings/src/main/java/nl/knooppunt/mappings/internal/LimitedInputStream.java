package nl.knooppunt.mappings.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes a parser pulls and stops it when the input as a whole, or the current message,
 * grows past its limit. The message window is opened by the reader when a message starts; because
 * parsers read ahead, the per-message check is accurate to within one parser buffer.
 */
public final class LimitedInputStream extends FilterInputStream {
    private final long maxTotalBytes;
    private final long maxWindowBytes;
    private final String totalLabel;
    private long total;
    private long windowStart;

    public LimitedInputStream(InputStream in, long maxTotalBytes, long maxWindowBytes, String totalLabel) {
        super(in);
        this.maxTotalBytes = maxTotalBytes;
        this.maxWindowBytes = maxWindowBytes;
        this.totalLabel = totalLabel;
    }

    /** Starts counting a new message; read-ahead already consumed by the parser counts for the previous one. */
    public void startMessage() {
        windowStart = total;
    }

    public long bytesRead() {
        return total;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public void close() {
        // The caller owns the underlying stream.
    }

    private void count(long n) throws LimitExceededException {
        total += n;
        if (total > maxTotalBytes) {
            throw new LimitExceededException(totalLabel + " is larger than the limit of " + maxTotalBytes + " bytes");
        }
        if (maxWindowBytes > 0 && total - windowStart > maxWindowBytes + READ_AHEAD_ALLOWANCE) {
            throw new LimitExceededException("a message is larger than the limit of " + maxWindowBytes + " bytes");
        }
    }

    /** Parsers fill buffers of up to 8 KiB (Jackson, the JDK's StAX); the window forgives one of them. */
    private static final long READ_AHEAD_ALLOWANCE = 16 * 1024;
}
