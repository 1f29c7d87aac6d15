package dev.slipway.serve.core;

import dev.slipway.api.model.Frame;

/** Opens {@link AdultRows} to the tests of other packages. */
public final class AdultRowsAccess {

    private AdultRowsAccess() {}

    /** The first {@code n} rows of the Adult test file as the model's raw inputs. */
    public static Frame first(int n) {
        return AdultRows.first(n);
    }
}
