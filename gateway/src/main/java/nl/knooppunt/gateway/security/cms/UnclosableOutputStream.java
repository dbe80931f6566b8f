package nl.knooppunt.gateway.security.cms;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Keeps a generator's close from closing the caller's stream: the caller opened it, the caller closes it. */
final class UnclosableOutputStream extends FilterOutputStream {

    UnclosableOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
