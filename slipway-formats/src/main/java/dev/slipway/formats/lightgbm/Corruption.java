package dev.slipway.formats.lightgbm;

import dev.slipway.api.InvalidInputException;

/** Builds the errors for a LightGBM model text that is not whole or not well formed. */
final class Corruption {

    private final String source;

    Corruption(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    /** The text is not a LightGBM model at all. */
    InvalidInputException notModel(String detail) {
        return InvalidInputException.of(
                source,
                "'%s' is not a LightGBM text model: %s. Give the text file LightGBM writes with save_model() or model_to_string() (it starts with the line 'tree')"
                        .formatted(source, detail));
    }

    /** The text looks like a LightGBM model but is cut short or damaged. */
    InvalidInputException corrupt(String detail) {
        return InvalidInputException.of(
                source,
                "LightGBM model '%s' is truncated or corrupt: %s. Copy the whole file again, or save the model again with LightGBM's save_model()"
                        .formatted(source, detail));
    }
}
