package dev.slipway.data;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of an import.
 *
 * @param version the version holding the file's content
 * @param created false when identical content was already a version of the dataset
 * @param elapsed how long the import took
 * @param warnings things the user should know, e.g. a column with no values
 */
public record ImportResult(
        DatasetVersion version, boolean created, Duration elapsed, List<String> warnings) {
    public ImportResult {
        warnings = List.copyOf(warnings);
    }
}
