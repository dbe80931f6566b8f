package nl.knooppunt.certs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A {@code .properties} file written in a stable, readable order (unlike {@link Properties#store},
 * which writes in hash order with a date line). Non-ASCII is written as {@code \\uXXXX}, so it reads
 * the same through {@link Properties#load(java.io.InputStream)} and {@link Properties#load(Reader)}.
 */
final class PropertiesFile {

    private PropertiesFile() {
    }

    static void write(Path file, List<String> comments, Map<String, String> entries) {
        StringBuilder text = new StringBuilder();
        for (String comment : comments) {
            text.append("# ").append(escape(comment, false)).append('\n');
        }
        entries.forEach((key, value) -> text.append(escape(key, true)).append('=').append(escape(value, false)).append('\n'));
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.ISO_8859_1), false);
    }

    static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        Map<String, String> entries = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> entries.put(name, properties.getProperty(name)));
        return entries;
    }

    private static String escape(String text, boolean isKey) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (isKey && (c == '=' || c == ':' || c == ' ' || c == '#' || c == '!')) {
                out.append('\\').append(c);
            } else if (!isKey && c == ' ' && i == 0) {
                out.append("\\ ");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
