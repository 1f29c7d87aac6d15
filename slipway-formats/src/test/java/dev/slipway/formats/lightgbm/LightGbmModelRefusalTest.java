package dev.slipway.formats.lightgbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Files that are not whole, well-formed LightGBM models are refused with a message naming the file.
 * LightGBM's own reader would crash the process on many of them (it reads past the end of a cut
 * tree), so these also guard the process.
 */
class LightGbmModelRefusalTest {

    private static final String SOURCE = "models/toy.txt";

    private final LightGbmFormat format = new LightGbmFormat();

    private Predictor load(byte[] bytes) {
        return format.load(bytes, SOURCE, LoadOptions.defaults());
    }

    private static String toy() {
        return new String(ToyModel.bytes(), StandardCharsets.UTF_8);
    }

    /** Where the last tree ends, by the model's tree_sizes line. */
    private static int treesEnd(String text) {
        Matcher sizes = Pattern.compile("(?m)^tree_sizes=(.*)$").matcher(text);
        assertThat(sizes.find()).isTrue();
        int total =
                Arrays.stream(sizes.group(1).trim().split(" ")).mapToInt(Integer::parseInt).sum();
        return text.indexOf("\nTree=0\n") + 1 + total;
    }

    private void assertRefused(byte[] bytes, String... fragments) {
        assertThatThrownBy(() -> load(bytes).close())
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.source()).isEqualTo(SOURCE))
                .hasMessageContaining(SOURCE)
                .hasMessageContainingAll(fragments);
    }

    private void assertRefused(String text, String... fragments) {
        assertRefused(text.getBytes(StandardCharsets.UTF_8), fragments);
    }

    @Test
    void load_cutAtEveryPointBeforeTheTreesEnd_throwsNamingSource() {
        byte[] whole = ToyModel.bytes();
        int end = treesEnd(toy());
        for (int cut = 0; cut < end; cut++) {
            byte[] part = Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> load(part).close())
                    .as("cut after %d bytes", cut)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(SOURCE);
        }
    }

    @Test
    void load_cutInsideATree_saysTruncatedAndWhatToDo() {
        byte[] part = Arrays.copyOf(ToyModel.bytes(), treesEnd(toy()) - 200);
        assertRefused(part, "truncated or corrupt", "Copy the whole file again");
    }

    @Test
    void load_cutAfterTheTrees_predictsAsTheWholeFile() {
        byte[] whole = ToyModel.bytes();
        double[] expected = predictions(whole);
        int end = treesEnd(toy());
        for (int cut : new int[] {end, end + 5, whole.length - 3}) {
            assertThat(predictions(Arrays.copyOf(whole, cut)))
                    .as("cut at %d", cut)
                    .containsExactly(expected);
        }
    }

    @Test
    void load_savedModelCutInsideItsParameters_throws() throws Exception {
        CsvTable table = CsvTable.read("iris.csv");
        List<String> features = List.of("sepal_length_(cm)", "petal_length_(cm)");
        String text =
                LightGbm4j.trainAndPredict(table, features, "target", "", "objective=regression", 3)
                        .text();
        int end = text.indexOf("end of parameters");
        assertThat(end).isPositive();
        assertRefused(text.substring(0, end - 10), "end of parameters");
    }

    @Test
    void load_empty_throwsNotAModel() {
        assertRefused(new byte[0], "not a LightGBM text model", "empty");
    }

    @Test
    void load_garbageText_throwsNotAModel() {
        assertRefused("garbage", "not a LightGBM text model", "save_model");
    }

    @Test
    void load_randomBytes_throwsNotAModel() {
        byte[] noise = new byte[4096];
        new SplittableRandom(42).nextBytes(noise);
        assertRefused(noise, "not a LightGBM text model");
    }

    @Test
    void load_csv_throwsNotAModel() {
        assertRefused("a,b,c\n1,2,3\n", "not a LightGBM text model", "'a,b,c'");
    }

    @Test
    void load_xgboostJson_throwsNotAModel() {
        assertRefused("{\"learner\":{}}", "not a LightGBM text model");
    }

    @Test
    void load_childIndexOutOfRange_throwsNamingTree() {
        assertRefused(
                toy().replaceFirst("left_child=-1 -2\n", "left_child=-1 -9\n"),
                "tree 0",
                "left_child");
    }

    @Test
    void load_twoParentsForOneNode_throwsNamingTree() {
        assertRefused(
                toy().replaceFirst("left_child=-1 -2\n", "left_child=-1 -3\n"), "tree 0", "leaf 1");
    }

    @Test
    void load_splitOnFeatureThatDoesNotExist_throwsNamingTree() {
        assertRefused(
                toy().replaceFirst("split_feature=0 0\n", "split_feature=0 7\n"),
                "tree 0",
                "split_feature");
    }

    @Test
    void load_categoricalSplitOnMissingCategorySet_throwsNamingTree() {
        assertRefused(
                toy().replaceFirst("threshold=0 1\n", "threshold=0 5\n"), "tree 0", "category set");
    }

    @Test
    void load_leafValueNotANumber_throwsNamingTree() {
        assertRefused(toy().replaceFirst("leaf_value=-8", "leaf_value=x8"), "tree 0", "leaf_value");
    }

    @Test
    void load_treeSizesDisagreeWithTrees_throws() {
        assertRefused(toy().replaceFirst("tree_sizes=336 ", "tree_sizes=337 "), "tree 1");
    }

    @Test
    void load_zeroTreesPerIteration_throws() {
        assertRefused(
                toy().replaceFirst("num_tree_per_iteration=1", "num_tree_per_iteration=0"),
                "num_tree_per_iteration");
    }

    @Test
    void load_multiclassObjectiveDisagreesWithClassCount_throws() {
        assertRefused(
                toy().replaceFirst("objective=regression", "objective=multiclass num_class:3"),
                "num_class");
    }

    @Test
    void load_fewerFeatureNamesThanFeatures_throws() {
        assertRefused(
                toy().replaceFirst("feature_names=Column_0 Column_1", "feature_names=Column_0"),
                "feature_names");
    }

    /** LightGBM dereferences the first word of the objective line without checking there is one. */
    @Test
    void load_emptyObjectiveLine_throws() {
        assertRefused(toy().replaceFirst("objective=regression", "objective="), "objective");
    }

    @Test
    void load_unknownObjective_throwsListingKnownOnes() {
        assertRefused(
                toy().replaceFirst("objective=regression", "objective=regrebsion"),
                "regrebsion",
                "poisson");
    }

    /** LightGBM aborts the process on a number beyond the range of double inside a tree. */
    @Test
    void load_numberBeyondDoubleRange_throwsNamingTree() {
        assertRefused(
                toy().replaceFirst(
                                "leaf_value=-8.8330089269488461", "leaf_value=-8.833008926948e999"),
                "tree 0",
                "leaf_value");
    }

    /** LightGBM would write more values per row than it allocates. */
    @Test
    void load_moreTreesPerIterationThanClasses_throws() {
        assertRefused(
                toy().replaceFirst("num_tree_per_iteration=1", "num_tree_per_iteration=2"),
                "num_tree_per_iteration is 2 but num_class is 1");
    }

    @Test
    void load_noTreeSizesLine_throws() {
        assertRefused(toy().replaceFirst("(?m)^tree_sizes=.*\\n", ""), "tree_sizes");
    }

    /**
     * Damaged copies, one changed character in the trees each: every one is refused, or loads and
     * predicts. None may take the process down.
     */
    @Test
    void load_oneCharacterChangedInTheTrees_refusedOrPredicts() {
        byte[] whole = ToyModel.bytes();
        String text = toy();
        int start = text.indexOf("\nTree=0\n") + 1;
        int end = treesEnd(text);
        byte[] replacements = "0123456789-. =\nab".getBytes(StandardCharsets.US_ASCII);
        SplittableRandom random = new SplittableRandom(2024);
        Frame rows = ToyModel.testRows();
        int loaded = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] damaged = whole.clone();
            damaged[random.nextInt(start, end)] = replacements[random.nextInt(replacements.length)];
            Predictor predictor;
            try {
                predictor = load(damaged);
            } catch (InvalidInputException refused) {
                assertThat(refused.getMessage()).contains(SOURCE);
                continue;
            }
            try (predictor) {
                assertThat(predictor.predict(rows).rows()).isEqualTo(rows.rows());
                loaded++;
            }
        }
        assertThat(loaded).as("damaged copies that still load").isPositive();
    }

    private double[] predictions(byte[] bytes) {
        try (Predictor predictor = load(bytes)) {
            return ((DoubleColumn)
                            predictor.predict(ToyModel.testRows()).column(Signature.PREDICTION))
                    .values();
        }
    }
}
