package dev.slipway.serve.http;

import dev.slipway.api.model.Frame;

/** Opens {@link OipBodies} to the tests of other packages. */
public final class OipBodiesAccess {

    private OipBodiesAccess() {}

    /** An inference request body with one input per column of {@code frame}. */
    public static String perColumn(Frame frame) {
        return OipBodies.perColumn(frame).toString();
    }
}
