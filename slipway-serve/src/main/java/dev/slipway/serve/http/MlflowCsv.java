package dev.slipway.serve.http;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.Signature;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CSV request bodies ({@code text/csv}) as frames of a model's inputs: UTF-8, the first line names
 * the columns, fields separated by commas and quoted as RFC 4180 says (a quoted field may hold
 * commas, line breaks and doubled quotes), lines ended by CRLF or LF. An empty field is a missing
 * value; blank lines are skipped. Values are read straight into the model's input types.
 */
final class MlflowCsv {

    private static final String SOURCE = "csv";

    /** One record of the file and the 1-based line it starts on. */
    private record Record(long line, List<String> fields) {}

    private MlflowCsv() {}

    static Frame read(byte[] body, String model, Signature signature) {
        List<Record> records = parse(utf8(body));
        if (records.isEmpty()) {
            throw bad(
                    "the CSV body is empty; send a header line with the column names, then one line per row");
        }
        List<String> names = records.getFirst().fields().stream().map(String::strip).toList();
        int rows = records.size() - 1;
        if (rows == 0) {
            throw bad("the CSV body has a header but no rows; send one line per row after it");
        }
        MlflowInputs in = new MlflowInputs(model, signature, rows);
        List<Optional<MlflowInputs.Slot>> slots = in.header(names, "the CSV header");
        for (int r = 0; r < rows; r++) {
            Record rec = records.get(r + 1);
            List<String> fields = rec.fields();
            if (fields.size() != names.size()) {
                throw InvalidInputException.at(
                        SOURCE,
                        rec.line(),
                        Optional.empty(),
                        "line %d of the CSV body has %d fields but the header has %d; quote fields that hold commas"
                                .formatted(rec.line(), fields.size(), names.size()),
                        null);
            }
            for (int j = 0; j < fields.size(); j++) {
                Optional<MlflowInputs.Slot> s = slots.get(j);
                if (s.isPresent()) {
                    s.get().column().text(r, s.get().pos(), fields.get(j), rec.line());
                }
            }
        }
        return in.build();
    }

    private static String utf8(byte[] body) {
        try {
            String s =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(body))
                            .toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw bad("the CSV body is not valid UTF-8; send it encoded as UTF-8");
        }
    }

    /** The records of {@code s}, blank lines left out. */
    static List<List<String>> records(String s) {
        return parse(s).stream().map(Record::fields).toList();
    }

    private static List<Record> parse(String s) {
        List<Record> records = new ArrayList<>();
        StringBuilder quoted = new StringBuilder();
        int n = s.length();
        int i = 0;
        long line = 1;
        while (i < n) {
            long start = line;
            List<String> fields = new ArrayList<>();
            boolean blank = true;
            while (true) {
                String field;
                if (i < n && s.charAt(i) == '"') {
                    blank = false;
                    long open = line;
                    quoted.setLength(0);
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw atLine(
                                    open,
                                    "the quote opened on line %d of the CSV body is never closed; end a quoted field with \" and write a quote inside one as \"\""
                                            .formatted(open));
                        }
                        char c = s.charAt(i++);
                        if (c == '"') {
                            if (i < n && s.charAt(i) == '"') {
                                quoted.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                            }
                            quoted.append(c);
                        }
                    }
                    if (i < n && !isEnd(s.charAt(i))) {
                        throw atLine(
                                line,
                                "line %d of the CSV body has text after a closing quote; quote the whole field"
                                        .formatted(line));
                    }
                    field = quoted.toString();
                } else {
                    int from = i;
                    while (i < n && !isEnd(s.charAt(i))) {
                        i++;
                    }
                    field = s.substring(from, i);
                }
                fields.add(field);
                blank &= field.isEmpty() && fields.size() == 1;
                if (i >= n) {
                    break;
                }
                char c = s.charAt(i++);
                if (c == ',') {
                    blank = false;
                    continue;
                }
                if (c == '\r' && i < n && s.charAt(i) == '\n') {
                    i++;
                }
                line++;
                break;
            }
            if (!blank) {
                records.add(new Record(start, fields));
            }
        }
        return records;
    }

    private static boolean isEnd(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }

    private static InvalidInputException bad(String message) {
        return InvalidInputException.of(SOURCE, message);
    }

    private static InvalidInputException atLine(long line, String message) {
        return InvalidInputException.at(SOURCE, line, Optional.empty(), message, null);
    }
}
