package nl.knooppunt.gateway.channel.rest;

import java.util.Arrays;
import java.util.BitSet;
import java.util.UUID;

/**
 * The Referentienummers of the messages sent in one batch, kept in 16 bytes each (a batch may hold
 * 100,000 messages; the messages themselves are never held), so that the creditor's answer can be
 * checked: a result for every message sent, none for a message that was not.
 *
 * <p>Filled by the thread that writes the request body, read by the one that reads the answer, which
 * only starts after the whole body is written.
 */
final class SentReferences {

    private long[] high;
    private long[] low;
    private int size;
    private boolean sorted;
    private BitSet answered;

    SentReferences(int expected) {
        high = new long[Math.max(1, expected)];
        low = new long[high.length];
    }

    void add(UUID reference) {
        if (size == high.length) {
            high = Arrays.copyOf(high, size * 2);
            low = Arrays.copyOf(low, size * 2);
        }
        high[size] = reference.getMostSignificantBits();
        low[size] = reference.getLeastSignificantBits();
        size++;
        sorted = false;
    }

    int size() {
        return size;
    }

    /**
     * Records a result for this reference.
     *
     * @return false when it was not sent in this batch
     */
    boolean answer(UUID reference) {
        if (!sorted) {
            sort();
            answered = new BitSet(size);
            sorted = true;
        }
        int at = find(reference.getMostSignificantBits(), reference.getLeastSignificantBits());
        if (at < 0) {
            return false;
        }
        answered.set(at);
        return true;
    }

    /** How many of the sent messages have a result. */
    int answered() {
        return answered == null ? 0 : answered.cardinality();
    }

    private int find(long h, long l) {
        int from = 0;
        int to = size - 1;
        while (from <= to) {
            int mid = (from + to) >>> 1;
            int c = compare(high[mid], low[mid], h, l);
            if (c < 0) {
                from = mid + 1;
            } else if (c > 0) {
                to = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Heap sort of the pairs: in place, so that checking an answer needs no second copy. */
    private void sort() {
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i, size);
        }
        for (int end = size - 1; end > 0; end--) {
            swap(0, end);
            siftDown(0, end);
        }
    }

    private void siftDown(int root, int end) {
        while (2 * root + 1 < end) {
            int child = 2 * root + 1;
            if (child + 1 < end && compare(high[child], low[child], high[child + 1], low[child + 1]) < 0) {
                child++;
            }
            if (compare(high[root], low[root], high[child], low[child]) >= 0) {
                return;
            }
            swap(root, child);
            root = child;
        }
    }

    private void swap(int a, int b) {
        long h = high[a];
        long l = low[a];
        high[a] = high[b];
        low[a] = low[b];
        high[b] = h;
        low[b] = l;
    }

    private static int compare(long h1, long l1, long h2, long l2) {
        int c = Long.compare(h1, h2);
        return c != 0 ? c : Long.compare(l1, l2);
    }
}
