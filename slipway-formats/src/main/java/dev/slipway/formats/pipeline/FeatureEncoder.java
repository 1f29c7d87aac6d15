package dev.slipway.formats.pipeline;

import dev.slipway.api.model.Column;

/** Writes the features of one raw column. */
sealed interface FeatureEncoder permits NumericEncoder, OneHotEncoder {

    /** The raw column read. */
    String column();

    /** The number of features written. */
    int width();

    /**
     * Encodes {@code rows} rows of {@code column} into the row-major matrix {@code out} of {@code
     * stride} features per row, starting at feature {@code offset} of each row.
     */
    void encode(Column column, int rows, float[] out, int stride, int offset);
}
