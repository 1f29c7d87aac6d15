package dev.slipway.formats.lightgbm;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Task;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the header of a LightGBM text model and checks the whole text before LightGBM reads it.
 *
 * <p>LightGBM's own reader trusts the text: a file cut inside a tree, or a tree whose indices are
 * wrong, makes it read past the end of its buffers and crash the process. So every tree is found
 * where the header's {@code tree_sizes} says, and checked by {@link TreeCheck}.
 */
final class ModelTextReader {

    /** The most lines LightGBM reads of one tree. */
    private static final int MAX_TREE_LINES = 22;

    private static final Pattern VERSION = Pattern.compile("v[0-9]+");
    private static final Pattern PARAMETERS = Pattern.compile("(?m)^parameters:\\r?$");
    private static final Pattern END_OF_PARAMETERS = Pattern.compile("(?m)^end of parameters\\r?$");

    private final String text;
    private final Corruption errors;
    private int pos;

    private ModelTextReader(String text, Corruption errors) {
        this.text = text;
        this.errors = errors;
    }

    /**
     * The text of a model file.
     *
     * @throws InvalidInputException naming {@code source} when the bytes are not text
     */
    static String text(byte[] bytes, String source) {
        return decode(bytes, new Corruption(source));
    }

    /**
     * Reads the header of a model text and checks the whole text.
     *
     * @throws InvalidInputException naming {@code source} when the text is not a whole, well formed
     *     LightGBM model
     */
    static ModelHeader read(String text, String source) {
        return new ModelTextReader(text, new Corruption(source)).read();
    }

    private static String decode(byte[] bytes, Corruption errors) {
        if (bytes.length == 0) {
            throw errors.notModel("the file is empty (0 bytes)");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0 && !isStrictUtf8(bytes)) {
            throw errors.notModel("it is binary data, not UTF-8 text");
        }
        if (text.indexOf('\0') >= 0) {
            throw errors.notModel("it holds NUL characters, so it is binary data");
        }
        return text;
    }

    private static boolean isStrictUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private ModelHeader read() {
        String first = line();
        if (!first.equals("tree")) {
            throw errors.notModel("its first line is '%s'".formatted(shorten(first)));
        }
        Map<String, String> header = header();
        String version = required(header, "version");
        if (!VERSION.matcher(version).matches()) {
            throw errors.corrupt("the version line says '%s'".formatted(shorten(version)));
        }
        int classes = (int) integer(header, "num_class", 1, 1_000_000);
        int perIteration =
                header.containsKey("num_tree_per_iteration")
                        ? (int) integer(header, "num_tree_per_iteration", 1, 1_000_000)
                        : classes;
        if (perIteration != classes) {
            // LightGBM sizes a row's output by num_class and writes one value per tree of an
            // iteration: more trees than classes would write past the end.
            throw errors.corrupt(
                    "num_tree_per_iteration is %d but num_class is %d; they must be equal"
                            .formatted(perIteration, classes));
        }
        integer(header, "label_index", Integer.MIN_VALUE, Integer.MAX_VALUE);
        int features = (int) integer(header, "max_feature_idx", 0, Integer.MAX_VALUE - 1) + 1;
        List<String> names = Tokens.split(required(header, "feature_names"));
        if (names.size() != features) {
            throw errors.corrupt(
                    "feature_names lists %d names but max_feature_idx says %d features"
                            .formatted(names.size(), features));
        }
        List<Boolean> categorical = categorical(required(header, "feature_infos"), features);
        String objective = header.getOrDefault("objective", "");
        Task task =
                header.containsKey("objective")
                        ? ObjectiveLine.task(objective, classes, perIteration, errors)
                        : Task.REGRESSION;
        List<Long> sizes = treeSizes(required(header, "tree_sizes"), perIteration);
        if (pos >= text.length()) {
            throw errors.corrupt("the text ends after its header, before the first tree");
        }
        int end = checkTrees(sizes, features);
        checkTail(end);
        return new ModelHeader(task, objective, classes, names, categorical, sizes.size());
    }

    /** The key=value lines before the first tree; leaves {@link #pos} at the first tree. */
    private Map<String, String> header() {
        Map<String, String> header = new HashMap<>();
        while (pos < text.length()) {
            int start = pos;
            String line = line();
            if (line.startsWith("Tree=")) {
                pos = start;
                break;
            }
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            String value = eq < 0 ? "" : line.substring(eq + 1);
            if (value.indexOf('=') >= 0 && !key.equals("feature_names")) {
                throw errors.corrupt(
                        "the header line '%s' has more than one '='".formatted(shorten(line)));
            }
            if (header.put(key, value) != null) {
                throw errors.corrupt("the header has the line '%s=' twice".formatted(key));
            }
        }
        return header;
    }

    private List<Boolean> categorical(String infos, int features) {
        List<String> tokens = Tokens.split(infos);
        if (tokens.size() != features) {
            throw errors.corrupt(
                    "feature_infos describes %d features but max_feature_idx says %d"
                            .formatted(tokens.size(), features));
        }
        List<Boolean> out = new ArrayList<>(features);
        for (String info : tokens) {
            if (info.equals("none") || info.startsWith("[")) {
                out.add(false);
            } else if (isCategoryList(info)) {
                out.add(true);
            } else {
                throw errors.corrupt(
                        "feature_infos holds '%s', which is neither a [min:max] range nor a list of category codes"
                                .formatted(shorten(info)));
            }
        }
        return out;
    }

    private static boolean isCategoryList(String info) {
        for (String code : info.split(":", -1)) {
            if (Tokens.integer(code, Integer.MIN_VALUE, Integer.MAX_VALUE).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private List<Long> treeSizes(String line, int perIteration) {
        List<Long> sizes = new ArrayList<>();
        for (String token : Tokens.split(line)) {
            sizes.add(
                    Tokens.integer(token, 1, text.length())
                            .orElseThrow(
                                    () ->
                                            errors.corrupt(
                                                    "tree_sizes holds '%s' where a tree's length in characters belongs"
                                                            .formatted(shorten(token)))));
        }
        if (sizes.isEmpty()) {
            throw errors.corrupt("the model has no trees (tree_sizes is empty)");
        }
        if (sizes.size() % perIteration != 0) {
            throw errors.corrupt(
                    "it has %d trees, which is not a whole number of iterations of %d trees"
                            .formatted(sizes.size(), perIteration));
        }
        return sizes;
    }

    /** Checks each tree where tree_sizes puts it; returns where the trees end. */
    private int checkTrees(List<Long> sizes, int features) {
        long total = sizes.stream().mapToLong(Long::longValue).sum();
        if (pos + total > text.length()) {
            throw errors.corrupt(
                    "the text ends inside the trees: tree_sizes says they take %d characters, but only %d follow the header"
                            .formatted(total, text.length() - pos));
        }
        int start = pos;
        for (int tree = 0; tree < sizes.size(); tree++) {
            int end = start + (int) (long) sizes.get(tree);
            TreeCheck.check(treeLines(tree, start, end), tree, features, errors);
            start = end;
        }
        return start;
    }

    /** The key=value lines of the tree in {@code [start, end)}, as LightGBM's reader sees them. */
    private Map<String, Span> treeLines(int tree, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) >= 0x80) {
                throw errors.corrupt("tree %d holds non-ASCII characters".formatted(tree));
            }
        }
        if (!text.startsWith("Tree=", start)) {
            throw errors.corrupt(
                    "tree %d does not begin where tree_sizes says (found '%s')"
                            .formatted(tree, shorten(text.substring(start, lineEnd(start, end)))));
        }
        int p = afterLineBreak(lineEnd(start, end), end, tree);
        Map<String, Span> keys = new HashMap<>();
        for (int count = 0; ; count++) {
            if (p >= end) {
                throw errors.corrupt("tree %d does not end with an empty line".formatted(tree));
            }
            if (text.charAt(p) == '\n' || text.charAt(p) == '\r') {
                return keys;
            }
            if (count == MAX_TREE_LINES) {
                throw errors.corrupt(
                        "tree %d has more than %d lines".formatted(tree, MAX_TREE_LINES));
            }
            int stop = lineEnd(p, end);
            int eq = text.indexOf('=', p);
            if (eq < 0 || eq >= stop) {
                throw errors.corrupt(
                        "in tree %d, the line '%s' is not key=value"
                                .formatted(tree, shorten(text.substring(p, stop))));
            }
            String key = text.substring(p, eq);
            if (keys.put(key, new Span(text, eq + 1, stop)) != null) {
                throw errors.corrupt("tree %d has the line '%s=' twice".formatted(tree, key));
            }
            p = afterLineBreak(stop, end, tree);
        }
    }

    /** Where the line at {@code from} ends: its line break, or {@code end}. */
    private int lineEnd(int from, int end) {
        int i = from;
        while (i < end && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** Past the line break at {@code at}, which must be before {@code end}. */
    private int afterLineBreak(int at, int end, int tree) {
        if (at >= end) {
            throw errors.corrupt("tree %d ends in the middle of a line".formatted(tree));
        }
        int p = at;
        if (text.charAt(p) == '\r') {
            p++;
        }
        if (p < text.length() && text.charAt(p) == '\n') {
            p++;
        }
        return p;
    }

    /** The rest after the trees: cut parameters mean the file was cut. */
    private void checkTail(int end) {
        String tail = text.substring(end);
        var parameters = PARAMETERS.matcher(tail);
        if (parameters.find() && !END_OF_PARAMETERS.matcher(tail).find(parameters.end())) {
            throw errors.corrupt("the parameters section has no 'end of parameters' line");
        }
    }

    /** The line at {@link #pos}, ending at a line break or the end of the text. */
    private String line() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            pos++;
        }
        String line = text.substring(start, pos);
        skipLineBreak();
        return line;
    }

    private void skipLineBreak() {
        if (pos < text.length() && text.charAt(pos) == '\r') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
        }
    }

    private String required(Map<String, String> header, String key) {
        String value = header.get(key);
        if (value == null) {
            throw errors.corrupt("the header has no '%s=' line".formatted(key));
        }
        return value;
    }

    private long integer(Map<String, String> header, String key, long min, long max) {
        String value = required(header, key);
        return Tokens.integer(value.strip(), min, max)
                .orElseThrow(
                        () ->
                                errors.corrupt(
                                        "%s is '%s', expected a whole number from %d to %d"
                                                .formatted(key, shorten(value), min, max)));
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
