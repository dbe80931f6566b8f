package nl.knooppunt.gateway.security.cms;

import java.io.InputStream;

/**
 * A stream of {@code size} pseudo-random bytes computed on the fly (xorshift), so that tests can
 * sign and encrypt hundreds of megabytes without holding them. The same seed gives the same bytes.
 */
final class GeneratedContent extends InputStream {

    private final long size;
    private long position;
    private long state;

    GeneratedContent(long size, long seed) {
        this.size = size;
        this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int count = (int) Math.min(length, size - position);
        for (int i = 0; i < count; i++) {
            int shift = (int) (position & 7);
            if (shift == 0) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
            }
            buffer[offset + i] = (byte) (state >>> (shift * 8));
            position++;
        }
        return count;
    }
}
