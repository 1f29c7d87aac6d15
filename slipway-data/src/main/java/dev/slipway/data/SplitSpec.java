package dev.slipway.data;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.DatasetRef;
import java.util.Objects;
import java.util.Optional;

/**
 * How to split a dataset version into a train and a test part. Immutable.
 *
 * <p>Without {@code stratify} or {@code timeColumn}, each row goes to the test part by a stable
 * hash of the seed and its row number. With {@code stratify}, that happens within each class of the
 * column, so both parts keep its class proportions. With {@code timeColumn}, the test part is the
 * latest rows by that column and the seed plays no part.
 *
 * @param testFraction the share of rows in the test part, strictly between 0 and 1
 * @param seed the seed of the random assignment
 * @param stratify a column whose class proportions both parts keep
 * @param timeColumn a column whose latest rows form the test part
 * @param trainName the dataset that receives the train part
 * @param testName the dataset that receives the test part
 */
public record SplitSpec(
        double testFraction,
        long seed,
        Optional<String> stratify,
        Optional<String> timeColumn,
        String trainName,
        String testName) {

    public SplitSpec {
        Objects.requireNonNull(stratify, "stratify");
        Objects.requireNonNull(timeColumn, "timeColumn");
        Objects.requireNonNull(trainName, "trainName");
        Objects.requireNonNull(testName, "testName");
        if (!(testFraction > 0 && testFraction < 1)) {
            throw InvalidInputException.of(
                    "--test",
                    "the test fraction must lie strictly between 0 and 1, got %s; e.g. --test 0.2 puts a fifth of the rows in the test part"
                            .formatted(testFraction));
        }
        if (stratify.isPresent() && timeColumn.isPresent()) {
            throw InvalidInputException.of(
                    "--stratify",
                    "give either --stratify %s or --time %s, not both: a time split takes the latest rows whatever their class"
                            .formatted(stratify.get(), timeColumn.get()));
        }
        stratify.ifPresent(c -> requireColumnName("--stratify", c));
        timeColumn.ifPresent(c -> requireColumnName("--time", c));
        DatasetRef.requireValidName(trainName);
        DatasetRef.requireValidName(testName);
        if (trainName.equals(testName)) {
            throw InvalidInputException.of(
                    "--test-name",
                    "the train and test parts would both go to dataset '%s'; give them different names (e.g. %s-train and %s-test)"
                            .formatted(trainName, trainName, trainName));
        }
    }

    private static void requireColumnName(String option, String column) {
        if (column.isBlank()) {
            throw InvalidInputException.of(
                    option, option + " needs a column name, got an empty one");
        }
    }
}
