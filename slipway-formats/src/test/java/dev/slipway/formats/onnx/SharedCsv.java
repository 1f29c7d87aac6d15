package dev.slipway.formats.onnx;

import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * A shared CSV dataset read as text cells, with RFC 4180 quoting (Titanic's names hold commas).
 *
 * @param header the column names
 * @param rows the cells of each row, unquoted
 */
record SharedCsv(List<String> header, List<List<String>> rows) {

    static SharedCsv read(String dataset) throws IOException {
        List<String> lines =
                Files.readAllLines(SharedData.dataset(dataset), StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isEmpty()) {
                rows.add(split(line));
            }
        }
        return new SharedCsv(split(lines.getFirst()), rows);
    }

    /** The cells of column {@code name}, top to bottom. */
    List<String> column(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        return rows.stream().map(r -> r.get(index)).toList();
    }

    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
