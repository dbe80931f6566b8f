package nl.knooppunt.mappings.internal;

import java.util.NoSuchElementException;
import nl.knooppunt.mappings.BatchReader;
import nl.knooppunt.mappings.ContractViolationException;
import nl.knooppunt.mappings.canonical.Message;

/**
 * What every batch reader does alike: it hands out messages strictly one after another, names the
 * index of the message in every violation, and refuses to go on after a violation (the rest of a
 * broken batch cannot be trusted). A format only says where the next message starts and how it is read.
 */
public abstract class CheckedBatchReader implements BatchReader {

    private int read;
    private boolean messagePending;
    private boolean finished;
    private boolean failed;

    /**
     * Moves to the start of the next message.
     *
     * @return false at the end of the batch, after checking what closes it (e.g. the announced count)
     */
    protected abstract boolean nextMessageStarts();

    /** Reads the message at which {@link #nextMessageStarts()} stopped; {@code index} counts from 0. */
    protected abstract Message readMessage(int index);

    @Override
    public final boolean hasNext() {
        if (failed) {
            throw new IllegalStateException("the batch reader stopped at an earlier contract violation");
        }
        if (messagePending) {
            return true;
        }
        if (finished) {
            return false;
        }
        try {
            if (nextMessageStarts()) {
                messagePending = true;
                return true;
            }
            finished = true;
            return false;
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    @Override
    public final Message next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        messagePending = false;
        int index = read;
        try {
            Message message = readMessage(index);
            read++;
            return message;
        } catch (ContractViolationException e) {
            failed = true;
            throw e.atMessage(index, e.referentienummer());
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    @Override
    public final int read() {
        return read;
    }
}
