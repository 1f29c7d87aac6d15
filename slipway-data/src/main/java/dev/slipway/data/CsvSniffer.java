package dev.slipway.data;

import dev.slipway.api.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Guesses a CSV file's delimiter and whether it has a header, from its first records.
 *
 * <p>Delimiter: the candidate among {@code , ; tab |} that splits every sampled record into the
 * same number (more than one) of fields, preferring more fields; a {@code .tsv} file defaults to
 * tab. Header: the first record is a header when its fields are non-empty, distinct and none is a
 * number. Either guess is overridden by the user's option.
 */
final class CsvSniffer {

    private static final int SAMPLE_BYTES = 1 << 16;
    private static final int SAMPLE_RECORDS = 50;
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvSniffer() {}

    static CsvDialect sniff(
            Path file, Optional<Character> delimiter, int quote, Optional<Boolean> header) {
        String sample = readSample(file);
        char delim = delimiter.orElseGet(() -> guessDelimiter(file, sample, quote));
        List<List<String>> records = split(sample, delim, quote);
        if (records.isEmpty()) {
            throw InvalidInputException.of(file.toString(), file + ": the file has no records");
        }
        List<String> first = records.get(0);
        boolean hasHeader = header.orElseGet(() -> looksLikeHeader(first));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            names.add(hasHeader ? first.get(i) : "column_" + (i + 1));
        }
        return new CsvDialect(delim, quote, hasHeader, names);
    }

    private static String readSample(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(SAMPLE_BYTES);
            int start =
                    bytes.length >= 3
                                    && (bytes[0] & 0xFF) == 0xEF
                                    && (bytes[1] & 0xFF) == 0xBB
                                    && (bytes[2] & 0xFF) == 0xBF
                            ? 3
                            : 0;
            return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InvalidInputException.of(
                    file.toString(), file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static char guessDelimiter(Path file, String sample, int quote) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tsv") || lower.endsWith(".tab")) {
            return '\t';
        }
        char best = ',';
        int bestFields = 1;
        for (char c : CANDIDATES) {
            List<List<String>> records = split(sample, c, quote);
            if (records.isEmpty()) {
                continue;
            }
            int n = records.get(0).size();
            boolean consistent = records.stream().allMatch(r -> r.size() == n);
            if (consistent && n > bestFields) {
                best = c;
                bestFields = n;
            }
        }
        return best;
    }

    /**
     * Whether the first record looks like a header: no field is empty or a number. Repeated names
     * still count as a header, so that the import can name the duplicates.
     */
    private static boolean looksLikeHeader(List<String> first) {
        for (String f : first) {
            String t = f.strip();
            if (t.isEmpty() || NUMBER.matcher(t).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits the complete records of {@code sample} (the last, possibly cut, one is dropped unless
     * the sample is the whole file), honouring quotes. Blank lines are skipped.
     */
    static List<List<String>> split(String sample, char delim, int quote) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean any = false;
        for (int i = 0; i < sample.length() && records.size() < SAMPLE_RECORDS; i++) {
            char c = sample.charAt(i);
            if (inQuotes) {
                if (c == quote) {
                    if (i + 1 < sample.length() && sample.charAt(i + 1) == quote) {
                        field.append(c);
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == quote && field.isEmpty()) {
                inQuotes = true;
                any = true;
            } else if (c == delim) {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n') {
                if (any || !field.isEmpty()) {
                    fields.add(stripCr(field));
                    records.add(fields);
                }
                fields = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        boolean wholeFile = sample.length() < SAMPLE_BYTES - 4;
        if (wholeFile
                && !inQuotes
                && (any || !field.isEmpty())
                && records.size() < SAMPLE_RECORDS) {
            fields.add(stripCr(field));
            records.add(fields);
        }
        return records;
    }

    private static String stripCr(StringBuilder field) {
        int n = field.length();
        return n > 0 && field.charAt(n - 1) == '\r' ? field.substring(0, n - 1) : field.toString();
    }
}
