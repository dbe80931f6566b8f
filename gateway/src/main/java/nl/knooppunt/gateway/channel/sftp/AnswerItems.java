package nl.knooppunt.gateway.channel.sftp;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import nl.knooppunt.gateway.inbound.InboundItem;
import nl.knooppunt.mappings.BatchReader;
import nl.knooppunt.mappings.ContractViolationException;

/**
 * The messages of an answer file as the inbound door takes them: read one at a time from the
 * file's batch reader (never a list of all messages), a message that breaks the contract handed in
 * as unreadable so that the door's rules (all or nothing, or each on its own) decide. For every item
 * handed out its line and column are noted, compactly, so that the door's results (in the same
 * order) can be reported with line numbers. Iterable once.
 */
final class AnswerItems implements Iterable<InboundItem> {

    private final BatchReader reader;
    private int count;
    private int[] lines = new int[1024];
    private int[] columns = new int[1024];
    /** Set when reading stopped at a violation after which the rest of the file cannot be read. */
    private boolean brokenOff;
    private boolean iterated;

    AnswerItems(BatchReader reader) {
        this.reader = reader;
    }

    /** Number of items handed out. */
    int count() {
        return count;
    }

    /** Line of item {@code index} (from 0); 0 when unknown. */
    int line(int index) {
        return lines[index];
    }

    /** Column of item {@code index}, for a contract violation whose cell or character is known; else 0. */
    int column(int index) {
        return columns[index];
    }

    /** Whether reading stopped at a violation that left the rest of the file unread. */
    boolean brokenOff() {
        return brokenOff;
    }

    @Override
    public Iterator<InboundItem> iterator() {
        if (iterated) {
            throw new IllegalStateException("an answer file is read once");
        }
        iterated = true;
        return new Iterator<>() {
            private InboundItem pending;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (pending != null) {
                    return true;
                }
                if (done) {
                    return false;
                }
                try {
                    if (!reader.hasNext()) {
                        done = true;
                        return false;
                    }
                    pending = InboundItem.of(reader.next());
                    note(reader.line(), 0);
                } catch (ContractViolationException violation) {
                    pending = InboundItem.unreadable(violation.referentienummer(), reason(violation));
                    note(violation.line() != null ? violation.line() : reader.line(),
                            violation.column() != null ? violation.column() : 0);
                    if (!reader.canContinue()) {
                        // A broken structure: what follows cannot be told apart into messages.
                        done = true;
                        brokenOff = true;
                    }
                }
                return true;
            }

            @Override
            public InboundItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                InboundItem item = pending;
                pending = null;
                return item;
            }
        };
    }

    private void note(long line, long column) {
        if (count == lines.length) {
            lines = Arrays.copyOf(lines, count * 2);
            columns = Arrays.copyOf(columns, count * 2);
        }
        lines[count] = (int) Math.min(Integer.MAX_VALUE, line);
        columns[count] = (int) Math.min(Integer.MAX_VALUE, column);
        count++;
    }

    /** The reason with the field, without the location (the report has columns for that). */
    private static String reason(ContractViolationException violation) {
        return violation.field() == null ? violation.reason() : violation.field() + ": " + violation.reason();
    }
}
