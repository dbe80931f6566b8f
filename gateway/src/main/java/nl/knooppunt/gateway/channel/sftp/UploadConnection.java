package nl.knooppunt.gateway.channel.sftp;

import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one upload connection of a creditor, at most one at a time: a JSch {@link Proxy} that connects
 * directly (no proxy at all) so that the channel holds the socket and can close it when the server
 * falls silent. JSch's own timeouts do not cover that case: a server whose SSH layer still answers
 * keep-alives while its SFTP side hangs keeps an upload waiting for an acknowledgement forever, and
 * JSch ignores interrupts there. Closing the socket ends the session, and the upload fails.
 *
 * <p>Bound in Camel's registry per creditor and named in the creditor's upload endpoints
 * ({@code proxy=#...}); the {@link #lock()} serialises that creditor's uploads, so the socket here is
 * the only one.
 */
final class UploadConnection implements Proxy {

    private final ReentrantLock lock = new ReentrantLock();
    private volatile Socket socket;
    private volatile boolean aborted;
    private long upload;

    /** Held while a batch's files are uploaded to this creditor. */
    ReentrantLock lock() {
        return lock;
    }

    @Override
    public void connect(SocketFactory factory, String host, int port, int timeout) throws IOException {
        Socket connecting = new Socket();
        socket = connecting;
        if (aborted) {
            connecting.close();
            throw new IOException("the upload was aborted");
        }
        connecting.connect(new InetSocketAddress(host, port), timeout);
        connecting.setTcpNoDelay(true);
    }

    @Override
    public InputStream getInputStream() {
        try {
            return socket.getInputStream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public OutputStream getOutputStream() {
        try {
            return socket.getOutputStream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Socket getSocket() {
        return socket;
    }

    /** JSch closes its session. */
    @Override
    public void close() {
        closeSocket();
    }

    /**
     * Starts an upload: not aborted (yet).
     *
     * @return its number, for {@link #abort(long)}
     */
    synchronized long begin() {
        aborted = false;
        return ++upload;
    }

    /**
     * Ends upload number {@code which}'s connection, from another thread: the server fell silent. A
     * watchdog late for an upload that ended meanwhile does nothing to the next.
     */
    synchronized void abort(long which) {
        if (which == upload) {
            aborted = true;
            closeSocket();
        }
    }

    boolean aborted() {
        return aborted;
    }

    private void closeSocket() {
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }
}
