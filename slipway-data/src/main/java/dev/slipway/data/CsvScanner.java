package dev.slipway.data;

import dev.slipway.api.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a CSV file once, byte by byte, to check its structure before DuckDB parses it: every record
 * has as many fields as the first, every quoted field is closed, the bytes are UTF-8. It hashes the
 * bytes on the way, so import needs no second pass for the content hash.
 *
 * <p>DuckDB's own reader reports some of these faults with approximate lines, and when its dialect
 * sniffer is confused it can even return fewer rows without an error; this scanner gives the exact
 * line and column of the first fault instead.
 */
final class CsvScanner {

    private static final int BUFFER = 1 << 20;

    /**
     * What the scan found.
     *
     * @param records the data records (header excluded, blank lines skipped)
     * @param bytes the file size
     * @param sha256 the hex sha256 of the file's bytes
     * @param crlf whether records end with CR LF
     * @param mixedLineEndings whether both LF and CR LF endings occur
     * @param linesExact whether data record i (0-based) is on line i + 1 + header (no quoted line
     *     breaks, no blank lines), so that rows can be reported by line
     */
    record Result(
            long records,
            long bytes,
            String sha256,
            boolean crlf,
            boolean mixedLineEndings,
            boolean linesExact) {}

    private final Path file;
    private final CsvDialect dialect;
    private final ProgressListener progress;

    private long line = 1;
    private long recordLine = 1;
    private long quoteLine = 1;
    private int field;
    private boolean inQuotes;
    private boolean afterQuote;
    private boolean fieldStart = true;
    private boolean recordEmpty = true;
    private boolean pendingCr;
    private int utf8Pending;
    private long records;
    private long lf;
    private long crlfCount;
    private boolean linesExact = true;

    private CsvScanner(Path file, CsvDialect dialect, ProgressListener progress) {
        this.file = file;
        this.dialect = dialect;
        this.progress = progress;
    }

    static Result scan(Path file, CsvDialect dialect, ProgressListener progress) {
        return new CsvScanner(file, dialect, progress).run();
    }

    /**
     * Reads the file in blocks; each block is hashed on a second thread while this one checks it,
     * two blocks alternating, so the hash costs no extra time on a machine with two cores.
     */
    private Result run() {
        MessageDigest sha = Hashing.sha256();
        long size;
        ExecutorService hasher =
                Executors.newSingleThreadExecutor(
                        r -> Thread.ofPlatform().daemon().name("slipway-hash").unstarted(r));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            size = ch.size();
            ByteBuffer[] bufs = {ByteBuffer.allocate(BUFFER), ByteBuffer.allocate(BUFFER)};
            List<Future<?>> pending = new ArrayList<>(List.of(done(), done()));
            long done = 0;
            boolean first = true;
            int k = 0;
            int n;
            while (true) {
                pending.get(k).get();
                n = ch.read(bufs[k].clear());
                if (n < 0) {
                    break;
                }
                if (n == 0) {
                    continue;
                }
                byte[] a = bufs[k].array();
                int len = n;
                pending.set(k, hasher.submit(() -> sha.update(a, 0, len)));
                int start = 0;
                if (first && n >= 3 && (a[0] & 0xFF) == 0xEF && (a[1] & 0xFF) == 0xBB) {
                    start = (a[2] & 0xFF) == 0xBF ? 3 : 0;
                }
                first = false;
                consume(a, start, n);
                done += n;
                progress.update("checking", done, size);
                k ^= 1;
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } catch (IOException e) {
            throw InvalidInputException.of(
                    file.toString(), file + ": cannot be read: " + e.getMessage(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing " + file + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw InvalidInputException.of(file.toString(), file + ": reading was interrupted");
        } finally {
            hasher.shutdownNow();
        }
        finish();
        long dataRecords = dialect.header() ? records - 1 : records;
        return new Result(
                dataRecords,
                size,
                HexFormat.of().formatHex(sha.digest()),
                crlfCount > 0 && lf == 0,
                crlfCount > 0 && lf > 0,
                linesExact);
    }

    private static Future<?> done() {
        return CompletableFuture.completedFuture(null);
    }

    private void consume(byte[] a, int from, int to) {
        int delim = dialect.delimiter();
        int quote = dialect.quote();
        boolean[] special = special(delim, quote);
        for (int i = from; i < to; i++) {
            int b = a[i];
            // Fast path: a plain ASCII byte inside a field, the vast majority of the file.
            if (b >= 0 && !special[b] && utf8Pending == 0 && !afterQuote) {
                // Skip the whole run of plain bytes in a tight loop.
                int j = i + 1;
                while (j < to) {
                    int c = a[j];
                    if (c < 0 || special[c]) {
                        break;
                    }
                    j++;
                }
                i = j - 1;
                if (!inQuotes) {
                    fieldStart = false;
                    recordEmpty = false;
                    pendingCr = false;
                }
                continue;
            }
            if (utf8Pending > 0) {
                if ((b & 0xC0) != 0x80) {
                    throw fault(line, "the bytes are not valid UTF-8");
                }
                utf8Pending--;
                continue;
            }
            if (b < 0) {
                int u = b & 0xFF;
                if (u >= 0xC2 && u <= 0xDF) {
                    utf8Pending = 1;
                } else if (u >= 0xE0 && u <= 0xEF) {
                    utf8Pending = 2;
                } else if (u >= 0xF0 && u <= 0xF4) {
                    utf8Pending = 3;
                } else {
                    throw fault(line, "the bytes are not valid UTF-8");
                }
                b = 'x';
            }
            if (inQuotes) {
                if (b == quote) {
                    inQuotes = false;
                    afterQuote = true;
                } else if (b == '\n') {
                    line++;
                    linesExact = false;
                }
                continue;
            }
            if (afterQuote) {
                afterQuote = false;
                if (b == quote) {
                    inQuotes = true;
                    continue;
                }
                if (b != delim && b != '\n' && b != '\r') {
                    throw fault(
                            line,
                            "unexpected text after a closing quote; quote the whole field and double any quote inside it (\"a \"\"b\"\" c\")");
                }
            }
            if (b == '\n') {
                endRecord();
                if (pendingCr) {
                    crlfCount++;
                } else {
                    lf++;
                }
                pendingCr = false;
                line++;
                recordLine = line;
                continue;
            }
            if (b == '\r') {
                pendingCr = true;
                continue;
            }
            pendingCr = false;
            recordEmpty = false;
            if (b == delim) {
                field++;
                fieldStart = true;
            } else if (b == quote && fieldStart) {
                inQuotes = true;
                quoteLine = line;
                fieldStart = false;
            } else {
                fieldStart = false;
            }
        }
    }

    /** The ASCII bytes that change the scanner's state: delimiter, quote, line feed, return. */
    private static boolean[] special(int delim, int quote) {
        boolean[] special = new boolean[128];
        special[delim] = true;
        if (quote >= 0 && quote < 128) {
            special[quote] = true;
        }
        special['\n'] = true;
        special['\r'] = true;
        return special;
    }

    private void endRecord() {
        if (recordEmpty) {
            if (records > 0 || line > 1) {
                linesExact = false;
            }
            resetRecord();
            return;
        }
        int expected = dialect.names().size();
        int found = field + 1;
        if (found != expected) {
            String where =
                    found > expected
                            ? "extra field after column '" + name(expected - 1) + "'"
                            : "the record ends after column '" + name(found - 1) + "'";
            throw InvalidInputException.at(
                    file.toString(),
                    recordLine,
                    Optional.of(name(Math.min(found, expected) - 1)),
                    "%s: line %d: expected %d fields (as in the %s), found %d: %s; check for a missing or extra %s delimiter or an unquoted delimiter inside a value"
                            .formatted(
                                    file,
                                    recordLine,
                                    expected,
                                    dialect.header() ? "header" : "first line",
                                    found,
                                    where,
                                    dialect.delimiterLabel()),
                    null);
        }
        records++;
        resetRecord();
    }

    private void resetRecord() {
        field = 0;
        fieldStart = true;
        recordEmpty = true;
    }

    private void finish() {
        if (utf8Pending > 0) {
            throw fault(line, "the file ends inside a UTF-8 character");
        }
        if (inQuotes) {
            throw fault(
                    quoteLine,
                    "a quoted field starts here and is never closed; close the quote (or double a quote inside the value)");
        }
        if (!recordEmpty || afterQuote) {
            recordEmpty = false;
            endRecord();
        }
        if (records == 0) {
            throw InvalidInputException.of(file.toString(), file + ": the file has no records");
        }
        if (dialect.header() && records == 1) {
            throw InvalidInputException.of(
                    file.toString(),
                    file
                            + ": the file has a header but no data rows; add rows, or use --no-header if the first line is data");
        }
    }

    private String name(int index) {
        return index >= 0 && index < dialect.names().size()
                ? dialect.names().get(index).strip()
                : "#" + (index + 1);
    }

    private InvalidInputException fault(long atLine, String what) {
        String column = name(field);
        return InvalidInputException.at(
                file.toString(),
                atLine,
                Optional.of(column),
                "%s: line %d, column '%s' (field %d): %s"
                        .formatted(file, atLine, column, field + 1, what),
                null);
    }
}
