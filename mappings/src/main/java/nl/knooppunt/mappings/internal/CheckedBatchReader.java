package nl.knooppunt.mappings.internal;

import java.util.NoSuchElementException;
import nl.knooppunt.mappings.BatchReader;
import nl.knooppunt.mappings.ContractViolationException;
import nl.knooppunt.mappings.canonical.Message;

/**
 * What every batch reader does alike: it hands out messages strictly one after another, names the
 * index of the message in every violation, and refuses to go on after a violation (the rest of a
 * broken batch cannot be trusted) unless the format says the violation was confined to the one message
 * and it knows where the next message starts ({@link #violationConfinedToMessage()}). A format only says
 * where the next message starts and how it is read.
 */
public abstract class CheckedBatchReader implements BatchReader {

    private int read;
    private int position;
    private boolean messagePending;
    private boolean finished;
    private boolean failed;
    private boolean continuable;

    /**
     * Moves to the start of the next message.
     *
     * @return false at the end of the batch, after checking what closes it (e.g. the announced count)
     */
    protected abstract boolean nextMessageStarts();

    /**
     * Reads the message at which {@link #nextMessageStarts()} stopped; {@code index} counts from 0 and
     * counts the messages refused too.
     */
    protected abstract Message readMessage(int index);

    /**
     * Asked after {@link #readMessage(int)} threw a {@link ContractViolationException}: true when the
     * violation concerns only that message, its input has been consumed and the next message can be
     * read; false (the default) when the batch structure is broken.
     */
    protected boolean violationConfinedToMessage() {
        return false;
    }

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
            continuable = false;
            throw e;
        }
    }

    @Override
    public final Message next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        messagePending = false;
        continuable = false;
        int index = position;
        try {
            Message message = readMessage(index);
            position++;
            read++;
            return message;
        } catch (ContractViolationException e) {
            if (violationConfinedToMessage()) {
                position++;
                continuable = true;
            } else {
                failed = true;
            }
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

    @Override
    public final boolean canContinue() {
        return continuable;
    }
}
