package nl.knooppunt.gateway.security.cms;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Remembers whether the underlying stream itself failed. Parsers report broken data and broken
 * connections both as {@link IOException}; this tells them apart, so that a dropped SFTP transfer
 * stays an I/O error (retry) and is not mistaken for a corrupt file (reject). Does not close the
 * underlying stream.
 */
final class SourceInputStream extends FilterInputStream {

    private boolean failed;

    SourceInputStream(InputStream in) {
        super(in);
    }

    boolean failed() {
        return failed;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    /** The caller opened the stream, the caller closes it. */
    @Override
    public void close() {
    }

    @Override
    public int available() throws IOException {
        try {
            return super.available();
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }
}
