package nl.knooppunt.certs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises generation into one directory: between threads of this JVM (a file lock cannot, it is
 * held per JVM) and between processes, e.g. the run command and a test run started at the same time.
 */
final class DirectoryLock implements AutoCloseable {

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private DirectoryLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    static DirectoryLock acquire(Path directory) {
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(directory, d -> new ReentrantLock());
        threadLock.lock();
        try {
            Files.createDirectories(directory);
            FileChannel channel = FileChannel.open(directory.resolve(PkiLayout.LOCK),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new DirectoryLock(threadLock, channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            threadLock.unlock();
            throw new UncheckedIOException("Cannot lock " + directory, e);
        } catch (RuntimeException e) {
            threadLock.unlock();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            fileLock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            threadLock.unlock();
        }
    }
}
