package dev.slipway.formats.pipeline;

import dev.slipway.api.model.Column;

/** Writes the features of one raw column. */
sealed interface FeatureEncoder permits NumericEncoder, OneHotEncoder {

    /** The raw column read. */
    String column();

    /** The number of features written. */
    int width();

    /**
     * Encodes {@code rows} rows of {@code column} into {@code features[next...]}, one array of
     * {@code rows} values per feature; returns the index of the next feature.
     */
    int encode(Column column, int rows, float[][] features, int next);
}
